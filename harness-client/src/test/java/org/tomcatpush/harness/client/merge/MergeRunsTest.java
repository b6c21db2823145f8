package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.report.load.LatencyLogReader;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.ServerCpu;
import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * Two real {@code harness run --target} runs against one in-process harness-server, one after the
 * other, merged: the merged client counts are the sum of the two folders and of the server's
 * ledgers the test read after each run (each run resets the server's counters at its start); the
 * merged p99 is the p99 of the union of the two runs' histograms; the server's figures are the
 * second run's (the latest reading), once, and as the server was reset twice during the merged
 * run, the cross-check against them is left blank.
 */
@Timeout(180)
class MergeRunsTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsAgainstOneServerMergeToTheirSumsAndTheServersLedger() throws Exception {
        Path runs = dir.resolve("runs");
        long[] serverRequests = new long[2];
        long[] serverSse = new long[2];
        long[] serverConnections = new long[2];
        try (HarnessServer server = HarnessServer.start(ServerConfig.parse("--host", "127.0.0.1", "--port", "0",
                "--publish-rate", "20"))) {
            for (int i = 0; i < 2; i++) {
                RunMergeTest.Result run = RunMergeTest.harness("run", "--out", runs.toString(), "--target",
                        server.baseUri().toString(), "--transport", "sse,short-poll", "--sessions", "4",
                        "--ramp-up", "0", "--duration", "2s", "--name", "agent" + i);
                assertEquals(ExitStatus.OK, run.status(), run.err());
                serverSse[i] = server.probe().counters().requests(Endpoint.SSE);
                serverRequests[i] = serverSse[i] + server.probe().counters().requests(Endpoint.POLL);
                serverConnections[i] = server.probe().perConnection().connectionsSeen();
            }
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(runs)) {
            folders = list.sorted().toList();
        }
        assertEquals(2, folders.size());
        Path out = dir.resolve("merged");

        RunMergeTest.Result merge = RunMergeTest.harness("merge", folders.get(0).toString(), folders.get(1).toString(),
                "--out", out.toString());

        assertEquals(ExitStatus.OK, merge.status(), merge.err());
        Map<String, String> all = row(out, "all");
        Map<String, String> a = row(folders.get(0), "all");
        Map<String, String> b = row(folders.get(1), "all");
        for (String column : List.of("requests", "connections_opened", "messages_received", "bytes_received",
                "sessions", "sessions_opened", "closes_client")) {
            assertEquals(Long.parseLong(a.get(column)) + Long.parseLong(b.get(column)), Long.parseLong(all.get(column)),
                    column);
        }
        assertEquals(serverRequests[0] + serverRequests[1], Long.parseLong(all.get("requests")),
                "the merged requests are the server's two ledgers");
        assertEquals(serverSse[0] + serverSse[1], Long.parseLong(row(out, "sse").get("requests")));
        assertEquals(serverConnections[0] + serverConnections[1], Long.parseLong(all.get("connections_opened")));
        // the server's figures once: the second run's reading, and the cross-check against it
        assertEquals(b.get("server_requests"), all.get("server_requests"));
        assertEquals(b.get("server_connections_seen"), all.get("server_connections_seen"));
        // each run reset the server: its counts are the second run's alone, so no cross-check is shown against them
        assertEquals("", all.get("client_minus_server_requests"));
        assertEquals("", all.get("client_minus_server_connections"));
        assertTrue(merge.err().startsWith("harness: merge: warning: the server was reset 2 times during the merged run"),
                merge.err());
        // the server's CPU time once, per delivery over both runs' messages
        assertEquals(b.get("server_cpu_s"), all.get("server_cpu_s"));
        assertEquals(Figures.cell(ServerCpu.microsPerMessage(Double.parseDouble(b.get("server_cpu_s")),
                Long.parseLong(all.get("messages_received")))), all.get("server_cpu_us_per_message"));

        Histogram union = new Histogram(3);
        for (Path folder : folders) {
            union.add(sse(folder));
        }
        assertTrue(union.getTotalCount() > 0 && serverRequests[0] > 0 && serverRequests[1] > 0,
                "both runs delivered: " + union.getTotalCount() + " latencies, requests " + serverRequests[0] + ", "
                        + serverRequests[1]);
        assertEquals(Figures.cell(union.getValueAtPercentile(99) / 1000.0), row(out, "sse").get("latency_p99_ms"));
        assertEquals(union.getTotalCount(), LatencyLogReader.read(out.resolve("latency.hlog")).stream()
                .filter(d -> d.tag().equals("sse")).findFirst().orElseThrow().count());
    }

    private static Map<String, String> row(Path folder, String transport) {
        return ResultsCsv.read(folder.resolve("summary.csv")).rows().stream()
                .filter(r -> r.transport().equals(transport)).findFirst().map(SummaryRow::cells).orElseThrow();
    }

    /** The run's SSE delivery latencies, read back from its log independently of the merge. */
    private static Histogram sse(Path folder) throws Exception {
        Histogram h = new Histogram(3);
        org.HdrHistogram.HistogramLogReader reader = new org.HdrHistogram.HistogramLogReader(
                folder.resolve("latency.hlog").toFile());
        try {
            org.HdrHistogram.EncodableHistogram interval;
            while ((interval = reader.nextIntervalHistogram()) != null) {
                if ("sse".equals(((Histogram) interval).getTag())) {
                    h.add((Histogram) interval);
                }
            }
        } finally {
            reader.close();
        }
        return h;
    }
}
