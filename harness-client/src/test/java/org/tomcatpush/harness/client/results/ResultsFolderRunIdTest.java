package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A run's id reads the same from its hidden partial folder and from its committed folder. */
class ResultsFolderRunIdTest {

    @Test
    void partialAndCommittedFoldersGiveTheSameRunId() {
        assertEquals("20260101-120000-x", ResultsFolder.runIdOf(Path.of("out", ".20260101-120000-x.partial")));
        assertEquals("20260101-120000-x", ResultsFolder.runIdOf(Path.of("out", "20260101-120000-x")));
    }

    @Test
    void aFolderThatOnlyLooksPartialKeepsItsName() {
        assertEquals(".partial", ResultsFolder.runIdOf(Path.of(".partial")));
        assertEquals("run.partial", ResultsFolder.runIdOf(Path.of("run.partial")));
    }
}
