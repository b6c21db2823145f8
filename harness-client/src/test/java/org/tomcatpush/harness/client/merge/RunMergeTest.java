package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.cli.HarnessCli;
import org.tomcatpush.harness.client.report.load.LatencyLogReader;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.results.SummaryCsv;

/** {@code harness merge} of agent folders written from known counts and latencies. */
class RunMergeTest {

    private static final long[] LATENCY_A = {1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 250_000};
    private static final long[] LATENCY_B = {1_500, 1_700, 2_100, 2_900, 3_300, 30_000, 40_000, 45_000, 47_000,
            52_000, 60_000, 61_000, 62_000, 90_000, 120_000, 121_000, 150_000, 400_000};

    private static AgentFolders.Agent agentA() {
        return new AgentFolders.Agent("agent-a", 100, 10, 50, LATENCY_A, 3_000, 8, 12, 3);
    }

    /** Ends later than A: its reading of the server's stats is the one the merge takes. */
    private static AgentFolders.Agent agentB() {
        return new AgentFolders.Agent("agent-b", 200, 15, 70, LATENCY_B, 3_300, 30, 25, 3);
    }

    @TempDir
    Path dir;

    @Test
    void countsAreSummedPercentilesComeFromTheUnionAndServerFiguresOnce() throws Exception {
        Path a = AgentFolders.write(dir.resolve("runs"), agentA());
        Path b = AgentFolders.write(dir.resolve("runs"), agentB());
        // agent 0's reset was the one reset of the run: the cross-check against the server stands
        AgentFolders.agentWithResets(a, 0, 2, 4L, 5L);
        AgentFolders.agentWithResets(b, 1, 2, 5L, 5L);
        Path out = dir.resolve("merged").resolve("20251125-100000-sse-merged");

        Result r = harness("merge", a.toString(), b.toString(), "--out", out.toString());

        assertEquals(ExitStatus.OK, r.status, r.err);
        Map<String, String> row = summary(out);
        assertEquals("20251125-100000-sse-merged", row.get("run_id"));
        assertEquals("300", row.get("requests"));
        assertEquals("25", row.get("connections_opened"));
        assertEquals("120", row.get("messages_received"));
        assertEquals("12000", row.get("bytes_received"));
        assertEquals("23", row.get("closes_keepalive_limit"), "9 + 14");
        assertEquals("2", row.get("closes_client"));
        assertEquals("4", row.get("reconnects"));
        assertEquals("2", row.get("messages_lost"));
        assertEquals("6", row.get("errors"));
        assertEquals("20", row.get("sessions"));
        assertEquals("16", row.get("sessions_opened"));
        assertEquals("4", row.get("sessions_never_opened"));
        assertEquals("0.8", row.get("sessions_opened_ratio"));
        assertEquals("100", row.get("requests_per_connection_max"), "the larger of 50 and 100");
        assertEquals("12", row.get("requests_per_connection_mean"), "300 / 25, not the mean of 10 and 13.333");
        assertEquals("2.5", row.get("requests_per_message"), "300 / 120");
        assertEquals("100", row.get("bytes_per_message"));
        assertEquals("20", row.get("sessions_open_max"), "10 + 10 open in the same seconds");
        assertEquals("", row.get("client_cpu_s"), "unknown in both agents, so unknown merged");

        Histogram union = AgentFolders.histogram(LATENCY_A);
        union.add(AgentFolders.histogram(LATENCY_B));
        assertEquals(Figures.cell(union.getValueAtPercentile(99) / 1000.0), row.get("latency_p99_ms"));
        assertEquals(Figures.cell(union.getValueAtPercentile(50) / 1000.0), row.get("latency_p50_ms"));
        assertEquals(Figures.cell(union.getMaxValue() / 1000.0), row.get("latency_max_ms"));
        double averagedP99 = (AgentFolders.histogram(LATENCY_A).getValueAtPercentile(99)
                + AgentFolders.histogram(LATENCY_B).getValueAtPercentile(99)) / 2000.0;
        assertNotEquals(Figures.cell(averagedP99), row.get("latency_p99_ms"), "percentiles are never averaged");

        // the server's figures once, from B (the latest reading), and the cross-check against it
        assertEquals("30", row.get("server_requests"));
        assertEquals("90", row.get("messages_published"));
        assertEquals("25", row.get("server_connections_seen"));
        assertEquals("270", row.get("client_minus_server_requests"));
        assertEquals("0", row.get("client_minus_server_connections"));
        assertEquals("4", row.get("busy_threads_max"), "the server's, not a sum");

        JsonNode runJson = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(ResultsFolderName.of(b), runJson.path("merge").path("serverStatsFrom").path("runId").asText());
        assertEquals(List.of(ResultsFolderName.of(a), ResultsFolderName.of(b)),
                runJson.path("merge").path("agents").findValuesAsText("runId"));
        assertEquals(20, runJson.path("scenario").path("sessions").asInt());
        assertEquals("merge", runJson.path("commandLine").path(0).asText());
        assertEquals(2, runJson.path("merge").path("agents").size());

        // the merged log holds every recorded value, added per tag
        assertEquals(LATENCY_A.length + LATENCY_B.length,
                LatencyLogReader.read(out.resolve("latency.hlog")).get(0).count());
        List<SummaryRow> seconds = ResultsCsv.read(out.resolve("timeseries.csv")).rows();
        assertEquals(3, seconds.size());
        assertEquals("20", seconds.get(0).cell("sessions"));
        assertEquals("40", seconds.get(0).cell("messages_per_s"));
        assertEquals("25", seconds.get(0).cell("server_connections"), "the server's, from B");
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertNoPartialLeft(out.getParent());

        // an ordinary folder: report and compare read it
        assertEquals(ExitStatus.OK, harness("report", out.toString()).status);
        Path again = dir.resolve("merged").resolve("20251125-100000-sse-merged-again");
        assertEquals(ExitStatus.OK, harness("merge", a.toString(), b.toString(), "--out", again.toString()).status);
        Result compare = harness("compare", "--baseline", out.resolve("summary.csv").toString(), "--current",
                again.resolve("summary.csv").toString(), "--out", dir.resolve("compare").toString());
        assertEquals(ExitStatus.OK, compare.status, compare.err + compare.out);
    }

    @Test
    void eachAgentsSliceAndHostAreRecordedWhenItsRunJsonHasThem() throws Exception {
        Path a = AgentFolders.write(dir.resolve("runs"), agentA());
        Path b = AgentFolders.write(dir.resolve("runs"), agentB());
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < 2; i++) {
            Path file = (i == 0 ? a : b).resolve("run.json");
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());
            root.putObject("agent").put("index", i).put("count", 2).put("host", "load-" + i);
            json.writeValue(file.toFile(), root);
        }
        Path out = dir.resolve("merged");

        assertEquals(ExitStatus.OK, harness("merge", a.toString(), b.toString(), "--out", out.toString()).status);

        JsonNode agents = json.readTree(out.resolve("run.json").toFile()).path("merge").path("agents");
        assertEquals("load-0", agents.path(0).path("host").asText());
        assertEquals("load-1", agents.path(1).path("host").asText());
        assertEquals(1, agents.path(1).path("agent").path("index").asInt());
        assertEquals(2, agents.path(1).path("agent").path("count").asInt());
        assertTrue(json.readTree(out.resolve("run.json").toFile()).path("agent").isMissingNode(),
                "the merged run is no agent's");
    }

    @Test
    void agentsStartedTogetherShareARunIdAndAreToldApartByFolderAndIndex() throws Exception {
        Path a = AgentFolders.write(dir.resolve("host-0"), agentA());
        Path b = AgentFolders.write(dir.resolve("host-1"), new AgentFolders.Agent("agent-a", 200, 15, 70, LATENCY_B,
                3_300, 30, 25, 3));
        assertEquals(a.getFileName(), b.getFileName(), "one run id, as --start-at gives agents started together");

        assertEquals(ExitStatus.OK, harness("merge", a.toString(), b.toString(), "--out",
                dir.resolve("merged").toString()).status);

        Result twice = harness("merge", a.toString(), a.toString(), "--out", dir.resolve("twice").toString());
        assertEquals(ExitStatus.BAD_INPUT, twice.status);
        assertEquals("harness: " + a + ": is given a second time; give each agent's folder once", twice.err.strip());
        ObjectMapper json = new ObjectMapper();
        for (Path folder : List.of(a, b)) {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(folder.resolve("run.json").toFile());
            root.putObject("agent").put("index", 1).put("count", 2);
            json.writeValue(folder.resolve("run.json").toFile(), root);
        }
        Result sameAgent = harness("merge", a.toString(), b.toString(), "--out", dir.resolve("same").toString());
        assertEquals(ExitStatus.BAD_INPUT, sameAgent.status);
        assertEquals("harness: " + b + ": is agent 1 of 2 a second time; give each agent's folder once",
                sameAgent.err.strip());
        assertFalse(Files.exists(dir.resolve("twice")) || Files.exists(dir.resolve("same")));
    }

    @Test
    void foldersOfDifferentScenariosAreRefusedWithTheSettingNamed() throws Exception {
        Path a = AgentFolders.write(dir.resolve("runs"), agentA());
        AgentFolders.Agent longer = new AgentFolders.Agent("agent-b", 200, 15, 70, LATENCY_B, 3_300, 30, 25, 5);
        Path b = AgentFolders.write(dir.resolve("runs"), longer);
        Path out = dir.resolve("merged");

        Result r = harness("merge", a.toString(), b.toString(), "--out", out.toString());

        assertEquals(ExitStatus.BAD_INPUT, r.status);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("harness: "), r.err);
        assertTrue(r.err.contains("scenario.durationMs ('5000' vs '3000')"), r.err);
        assertFalse(Files.exists(out));
        assertNoPartialLeft(dir);
    }

    @Test
    void foldersOfDifferentServersAreRefusedWithTheSettingNamed() throws Exception {
        Path a = AgentFolders.write(dir.resolve("runs"), agentA());
        AgentFolders.Agent other = new AgentFolders.Agent("agent-b", 200, 15, 70, LATENCY_B, 3_300, 30, 25, 3,
                "--max-threads", "50");
        Path b = AgentFolders.write(dir.resolve("runs"), other);

        Result r = harness("merge", a.toString(), b.toString(), "--out", dir.resolve("merged").toString());

        assertEquals(ExitStatus.BAD_INPUT, r.status);
        assertTrue(r.err.contains("server.settings.maxThreads ('50' vs '200')"), r.err);
        assertFalse(Files.exists(dir.resolve("merged")));
    }

    @Test
    void aDamagedFolderIsRefusedNamingTheFile() throws Exception {
        Path a = AgentFolders.write(dir.resolve("runs"), agentA());
        Path b = AgentFolders.write(dir.resolve("runs"), agentB());
        Files.writeString(b.resolve(SummaryCsv.FILE_NAME), "run_id,transport\n");

        Result r = harness("merge", a.toString(), b.toString(), "--out", dir.resolve("merged").toString());

        assertEquals(ExitStatus.BAD_INPUT, r.status);
        assertEquals("harness: " + b.resolve(SummaryCsv.FILE_NAME) + ": has a header but no rows; the file is damaged"
                + " or was not written by 'harness run' or 'harness sweep': run the scenario again or restore the file"
                + " from the original run", r.err.strip());
        assertFalse(Files.exists(dir.resolve("merged")));
    }

    private static void assertNoPartialLeft(Path parent) throws Exception {
        try (Stream<Path> files = Files.list(parent)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList());
        }
    }

    static Map<String, String> summary(Path folder) {
        List<SummaryRow> rows = ResultsCsv.read(folder.resolve(SummaryCsv.FILE_NAME)).rows();
        assertEquals(1, rows.size());
        return rows.get(0).cells();
    }

    record Result(int status, String out, String err) {
    }

    static Result harness(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HarnessCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A folder's name, its run id. */
    private static final class ResultsFolderName {
        static String of(Path folder) {
            return folder.getFileName().toString();
        }
    }
}
