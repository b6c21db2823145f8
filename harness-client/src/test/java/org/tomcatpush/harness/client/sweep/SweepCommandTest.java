package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code harness sweep}'s command line: help with every option and its default, and a missing file. */
@Timeout(30)
class SweepCommandTest {

    @Test
    void helpListsEveryOptionWithItsDefaultAndTheFileFormat() {
        SweepCli run = SweepCli.run("sweep", "--help");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("SCENARIO_FILE"), run.out());
        assertTrue(run.out().contains("--out=DIR"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("Default: results/runs."), run.out());
        assertTrue(run.out().contains("--dry-run"), run.out());
        assertTrue(run.out().contains("sweep: {transport: [short-poll, long-poll, sse, ws], max-threads: [50, 200]"),
                run.out());
    }

    @Test
    void missingScenarioFileArgumentIsOneLineAndExitTwo() {
        SweepCli run = SweepCli.run("sweep");

        assertEquals(2, run.exit());
        assertEquals(List.of("harness: missing required parameter: 'SCENARIO_FILE' (see 'harness sweep --help')"),
                run.errLines());
    }

    @Test
    void sweepIsListedAmongTheCommands() {
        SweepCli run = SweepCli.run("--help");

        assertEquals(0, run.exit());
        assertTrue(run.out().matches("(?s).*\\n\\s+sweep\\s+.*"), run.out());
    }
}
