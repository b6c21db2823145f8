package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.cli.HarnessCli;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * The test of a run split over agents: one harness-server, three separate client
 * processes ({@code harness run --agent I/3 --start-at T --source-addresses 1}, SSE and short poll),
 * then {@code harness merge} of their folders. The merged connections and requests are the
 * server's own ledger exactly (read by the test after the agents ended), and so are the messages:
 * the server publishes only on demand, ten messages once every session is connected, so each of
 * the 30 sessions receives exactly the ten the server counted. The merged p99 is the p99 of the
 * union of the three agents' histograms, read here with HdrHistogram's own log reader; the server
 * counted exactly one reset during the run (agent 0's); and each agent's connections came from its
 * own source address, 127.0.0.1, .2 and .3, as the agents record and the server saw.
 */
@Timeout(180)
class ThreeAgentsMergeTest {

    private static final int AGENTS = 3;
    private static final int SESSIONS = 30;
    private static final int MESSAGES = 10;
    private static final long START_AFTER_MS = 25_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void threeAgentProcessesMergeToTheServersLedgerExactly() throws Exception {
        List<Path> folders = new ArrayList<>();
        JsonNode serverStats;
        long resetsBefore;
        try (HarnessServer server = HarnessServer.start(ServerConfig.parse("--host", "127.0.0.1", "--port", "0",
                "--publish-rate", "0"))) {
            resetsBefore = server.probe().resetsSinceStart();
            // late enough for agent 0 to start and reset the server, and then the other two to start, one after the
            // other on a loaded 2-core machine: the sessions of all three must be open together
            Instant startAt = Instant.ofEpochMilli(System.currentTimeMillis() + START_AFTER_MS);
            List<Process> agents = new ArrayList<>();
            try {
                agents.add(agent(0, server, startAt));
                // agent 0 resets the server before its wait: the others start once it waits
                awaitLine(dir.resolve("agent-0.err"), "waiting for --start-at", agents.get(0));
                agents.add(agent(1, server, startAt));
                agents.add(agent(2, server, startAt));

                // every session connected (15 SSE streams open, every short poll answered a few times):
                // then the only messages of the run are published, and every session receives them all
                long deadline = startAt.toEpochMilli() + 30_000;
                while (!allConnected(server)) {
                    assertTrue(System.currentTimeMillis() < deadline, "the sessions did not all connect");
                    for (Process p : agents) {
                        assertTrue(p.isAlive(), "an agent ended before its sessions connected (open SSE streams "
                                + server.probe().counters().asyncInFlight(Endpoint.SSE) + ", polls "
                                + server.probe().counters().requests(Endpoint.POLL) + "): " + errs());
                    }
                    Thread.sleep(20);
                }
                assertEquals(1, server.probe().resetsSinceStart() - resetsBefore, "agent 0 reset the server once");
                server.hub().publish(MESSAGES);

                for (int i = 0; i < AGENTS; i++) {
                    assertTrue(agents.get(i).waitFor(60, TimeUnit.SECONDS), "agent " + i + " did not end");
                    assertEquals(ExitStatus.OK, agents.get(i).exitValue(), "agent " + i + ": " + errs());
                    folders.add(onlyFolder(dir.resolve("agent-" + i)));
                }
            } finally {
                agents.forEach(Process::destroyForcibly);
            }
            serverStats = JSON.readTree(new java.net.URL(server.controlUri() + "/harness/stats"));
        }
        Path out = dir.resolve("merged");

        RunMergeTest.Result merge = RunMergeTest.harness("merge", folders.get(0).toString(),
                folders.get(1).toString(), folders.get(2).toString(), "--out", out.toString());

        assertEquals(ExitStatus.OK, merge.status(), merge.err());
        assertEquals("", merge.err(), "no warning: the server was reset exactly once");
        Map<String, String> all = row(out, "all");
        assertEquals(Integer.toString(SESSIONS), all.get("sessions"));
        assertEquals(Integer.toString(SESSIONS), all.get("sessions_opened"));
        // the server's own ledger, read after every agent ended
        assertEquals(serverStats.path("perConnection").path("connectionsSeen").asLong(),
                Long.parseLong(all.get("connections_opened")), "merged connections = the server's");
        assertEquals(serverStats.path("requests").path("total").asLong(), Long.parseLong(all.get("requests")),
                "merged requests = the server's");
        assertEquals(serverStats.path("requests").path("sse").asLong(),
                Long.parseLong(row(out, "sse").get("requests")));
        assertEquals(serverStats.path("requests").path("poll").asLong(),
                Long.parseLong(row(out, "short-poll").get("requests")));
        assertEquals(MESSAGES, serverStats.path("messagesPublished").asLong());
        assertEquals(Long.toString(MESSAGES), all.get("messages_published"));
        assertEquals(SESSIONS * serverStats.path("messagesPublished").asLong(),
                Long.parseLong(all.get("messages_received")), "every session received every message published");
        assertEquals("0", all.get("messages_lost"));
        assertEquals("0", all.get("messages_duplicated"));
        for (String transport : List.of("sse", "short-poll", "all")) {
            assertEquals("0", row(out, transport).get("client_minus_server_requests"), transport);
        }
        assertEquals("0", all.get("client_minus_server_connections"));

        // the merged p99: the union of the three agents' histograms, computed here independently
        Histogram sse = union(folders, "sse");
        Histogram poll = union(folders, "short-poll");
        assertEquals(SESSIONS / 2 * MESSAGES, sse.getTotalCount());
        assertEquals(SESSIONS / 2 * MESSAGES, poll.getTotalCount());
        assertEquals(Figures.cell(sse.getValueAtPercentile(99) / 1000.0), row(out, "sse").get("latency_p99_ms"));
        assertEquals(Figures.cell(poll.getValueAtPercentile(99) / 1000.0),
                row(out, "short-poll").get("latency_p99_ms"));
        Histogram both = sse.copy();
        both.add(poll);
        assertEquals(Figures.cell(both.getValueAtPercentile(99) / 1000.0), all.get("latency_p99_ms"));

        // exactly one reset during the run: the server's count, and the merge's arithmetic from the folders
        assertEquals(resetsBefore + 1, serverStats.path("resets").path("sinceStart").asLong());
        JsonNode resets = JSON.readTree(out.resolve("run.json").toFile()).path("merge").path("serverResets");
        assertEquals(resetsBefore, resets.path("beforeAgentZeroReset").asLong());
        assertEquals(resetsBefore + 1, resets.path("atEnd").asLong());
        assertEquals(1, resets.path("duringRun").asLong());
        assertTrue(resets.path("exactlyOne").asBoolean());

        // each agent's connections came from its own address: as it records it, and as the server saw them
        Map<String, Long> expectedByAddress = new TreeMap<>();
        for (int i = 0; i < AGENTS; i++) {
            JsonNode sources = JSON.readTree(folders.get(i).resolve("run.json").toFile()).path("agent")
                    .path("sourceAddresses");
            String address = "127.0.0." + (i + 1);
            assertEquals(address, sources.path("first").asText(), "agent " + i);
            assertEquals(address, sources.path("last").asText(), "agent " + i);
            assertTrue(sources.path("bound").asBoolean());
            expectedByAddress.put(address, Long.parseLong(row(folders.get(i), "all").get("connections_opened")));
        }
        Map<String, Long> byAddress = new TreeMap<>();
        serverStats.path("connectionsByRemoteAddress").properties()
                .forEach(e -> byAddress.put(e.getKey(), e.getValue().asLong()));
        assertEquals(expectedByAddress, byAddress);
    }

    /** Every SSE stream is open and the short polls have been answered three times each on average. */
    private static boolean allConnected(HarnessServer server) {
        return server.probe().counters().asyncInFlight(Endpoint.SSE) == SESSIONS / 2
                && server.probe().counters().requests(Endpoint.POLL) >= 3L * SESSIONS / 2;
    }

    /** {@code harness run} as a process of its own: agent {@code index} of three, its stderr in a file. */
    private Process agent(int index, HarnessServer server, Instant startAt) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerLaunch.currentJava().toString(), "-Xmx256m",
                // the client tier compiler only: a quicker start, and the test is of counts, not of speed
                "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), HarnessCli.class.getName(), "run",
                "--target", server.baseUri().toString(), "--agent", index + "/" + AGENTS,
                "--start-at", startAt.toString(), "--source-addresses", "1", "--transport", "sse=1,short-poll=1",
                "--sessions", Integer.toString(SESSIONS), "--ramp-up", "0", "--duration", "6s",
                "--poll-interval", "250ms", "--out", dir.resolve("agent-" + index).toString(),
                "--name", "agent-" + index));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("agent-" + index + ".err").toFile()).start();
    }

    private static void awaitLine(Path file, String text, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!(Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text))) {
            assertTrue(process.isAlive(), "the agent ended: " + (Files.exists(file) ? Files.readString(file) : ""));
            assertTrue(System.currentTimeMillis() < deadline, "no '" + text + "' from the agent");
            Thread.sleep(20);
        }
    }

    private String errs() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < AGENTS; i++) {
            Path file = dir.resolve("agent-" + i + ".err");
            if (Files.exists(file)) {
                text.append("agent ").append(i).append(": ").append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    private static Path onlyFolder(Path runs) throws Exception {
        try (var list = Files.list(runs)) {
            List<Path> folders = list.filter(Files::isDirectory).toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0);
        }
    }

    private static Map<String, String> row(Path folder, String transport) {
        return ResultsCsv.read(folder.resolve("summary.csv")).rows().stream()
                .filter(r -> r.transport().equals(transport)).findFirst().map(SummaryRow::cells).orElseThrow();
    }

    /** The delivery latencies of one tag over the agents' logs, read back with HdrHistogram's own reader. */
    private static Histogram union(List<Path> folders, String tag) throws Exception {
        Histogram union = new Histogram(3);
        for (Path folder : folders) {
            HistogramLogReader reader = new HistogramLogReader(folder.resolve("latency.hlog").toFile());
            try {
                EncodableHistogram interval;
                while ((interval = reader.nextIntervalHistogram()) != null) {
                    if (tag.equals(((Histogram) interval).getTag())) {
                        union.add((Histogram) interval);
                    }
                }
            } finally {
                reader.close();
            }
        }
        return union;
    }
}
