package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.results.ResultsInputException;

/** Every input compare accepts: a summary, a sweep, summaries joined with cat, run and sweep folders. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RunTableTest {

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(RunTableTest.class.getResource("/compare/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sweepFileKeepsEveryRunWithItsStatusAndFolder() {
        RunTable table = RunTable.read(fixture("sweep.csv"));
        assertEquals(3, table.rows().size());
        assertEquals("runs/002-ws", table.rows().get(1).cell("run_dir"));
        assertFalse(table.rows().get(2).completed());
        assertTrue(Double.isNaN(table.rows().get(2).figure("latency_p99_ms")), "an empty cell is unknown");
        assertTrue(table.rows().get(0).source().endsWith("sweep.csv line 2"), table.rows().get(0).source());
    }

    @Test
    void headerInsideTheFileStartsANewSectionSoCatOfSummariesWorks() {
        RunTable table = RunTable.read(fixture("concatenated.csv"));
        assertEquals(List.of("sse", "short-poll"), table.rows().stream().map(r -> r.cell("transport")).toList());
        assertEquals("10", table.rows().get(1).cell("max_keep_alive_requests"));
    }

    @Test
    void runFolderIsReadAsItsSummary() throws Exception {
        Summaries.write(dir.resolve("run-1/summary.csv"), Summaries.csv(Summaries.run("ws")));
        RunTable table = RunTable.read(dir.resolve("run-1"));
        assertEquals("ws", table.rows().get(0).cell("transport"));
    }

    @Test
    void folderOfRunFoldersReadsEachSummaryAndSkipsPartialFolders() throws Exception {
        Summaries.write(dir.resolve("20250101-000001-sse/summary.csv"), Summaries.csv(Summaries.run("sse")));
        Summaries.write(dir.resolve("20250101-000002-ws/summary.csv"), Summaries.csv(Summaries.run("ws")));
        Summaries.write(dir.resolve(".20250101-000003-ws.partial/summary.csv"), "run_id,tr");
        Files.createDirectories(dir.resolve("notes"));
        RunTable table = RunTable.read(dir);
        assertEquals(List.of("sse", "ws"), table.rows().stream().map(r -> r.cell("transport")).toList());
    }

    @Test
    void sweepFolderIsReadAsItsSweepFileNotItsRunFolders() throws Exception {
        Files.copy(fixture("sweep.csv"), dir.resolve("sweep.csv"));
        Summaries.write(dir.resolve("runs/001-sse/summary.csv"), Summaries.csv(Summaries.run("sse")));
        assertEquals(3, RunTable.read(dir).rows().size());
    }

    @Test
    void filesWithDifferentColumnsAreReadAsTheUnionOfTheirColumns() throws Exception {
        Summaries.write(dir.resolve("a/summary.csv"), Summaries.csv(Summaries.run("sse", "sse_timeout_ms", "0")));
        Summaries.write(dir.resolve("b/summary.csv"), Summaries.csv(Summaries.run("ws")));
        RunTable table = RunTable.read(dir);
        assertTrue(table.has("sse_timeout_ms"));
        assertFalse(table.rows().get(1).has("sse_timeout_ms"));
    }

    @Test
    void folderWithoutResultsIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("empty/sub"));
        ResultsInputException e = assertThrows(ResultsInputException.class,
                () -> RunTable.read(dir.resolve("empty")));
        assertTrue(e.getMessage().contains("holds no sweep.csv or summary.csv, neither do its folders"), e.getMessage());
    }
}
