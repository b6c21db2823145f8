package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code agents: N} in a scenario file: that run is carried out by N client processes, exactly as
 * {@code harness run --agents N}, and its merged folder is read like any other run's; a bad count
 * is refused before the first run, naming its key.
 */
@Timeout(240)
class SweepAgentsTest {

    @TempDir
    Path dir;

    @Test
    void aRunOfTwoAgentsIsMergedAndReadLikeAnyOther() throws Exception {
        Path file = SweepCli.scenario(dir, "split.yaml", """
                name: split
                fixed: {transport: sse, sessions: 4, duration: 5s, ramp-up: 0s, publish-rate: 5}
                sweep: {agents: [1, 2]}
                """);
        Path out = dir.resolve("out");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        Path sweep = SweepCli.entries(out).get(0);
        List<CSVRecord> rows = csv(sweep.resolve("sweep.csv"));
        assertEquals(2, rows.size());
        for (CSVRecord row : rows) {
            assertEquals("completed", row.get("status"), row.get("failure"));
            assertEquals("4", row.get("sessions"));
            assertEquals("4", row.get("sessions_opened"), "run " + row.get("run_index") + ": " + row.toMap());
        }
        Path split = sweep.resolve(rows.get(1).get("run_folder"));
        assertTrue(split.getFileName().toString().matches("\\d{8}-\\d{6}-agents=2"), split.toString());
        JsonNode json = new ObjectMapper().readTree(split.resolve("run.json").toFile());
        assertEquals(2, json.path("agents").path("count").asInt());
        assertEquals(2, json.path("merge").path("agents").size());
        assertTrue(Files.isDirectory(split.resolve("agents/agent-1")));
        assertEquals(csv(split.resolve("summary.csv")).get(0).get("requests"), rows.get(1).get("requests"),
                "the sweep reads the merged summary");
        assertFalse(Files.exists(sweep.resolve(rows.get(0).get("run_folder")).resolve("agents")),
                "agents: 1 is the ordinary run in this process");
    }

    @Test
    void zeroAgentsIsRefusedBeforeTheFirstRunNamingTheKey() throws Exception {
        Path file = SweepCli.scenario(dir, "zero.yaml", """
                name: zero
                fixed: {transport: sse, sessions: 4, duration: 2s}
                sweep: {agents: [2, 0]}
                """);
        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, run.exit());
        assertEquals(List.of("harness: " + file + ": sweep.agents = 0 (run 2 of 2): --agents must be at least 1"
                + " (got 0): give the number of client processes, e.g. --agents 3"), run.errLines());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
