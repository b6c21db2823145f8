package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.run.Load;

/**
 * {@code harness run} end to end: a real server JVM started by the run, the real session engine,
 * small scale, a few seconds each. Checks the result files against each other and that the
 * server process is gone whatever happened.
 */
@Timeout(120)
class RunEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void resultFilesExistParseAndAgreeWithEachOther() throws Exception {
        CliRun run = run("--transport", "sse", "--sessions", "5", "--ramp-up", "0", "--duration", "4s",
                "--publish-rate", "20", "--name", "files agree");

        assertEquals(0, run.exit(), run.err());
        Path folder = onlyFolder();
        assertTrue(folder.getFileName().toString().matches("\\d{8}-\\d{6}-files_agree"), folder.toString());
        assertTrue(run.out().contains("results: " + folder), run.out());
        List<CSVRecord> summary = csv(folder.resolve("summary.csv"));
        assertEquals(1, summary.size());
        CSVRecord sse = summary.get(0);
        assertEquals("sse", sse.get("transport"));
        assertEquals("completed", sse.get("status"));
        long received = Long.parseLong(sse.get("messages_received"));
        assertTrue(received >= 5 * 20, "5 sessions x 20 msg/s for about 3 s, got " + received);
        assertEquals("0", sse.get("messages_lost"));
        assertEquals("0", sse.get("messages_duplicated"));
        assertEquals(received, latencyCounts(folder).get("sse"), "histogram total == messages_received");
        assertEquals("5", sse.get("sessions"));
        assertEquals("0", sse.get("client_minus_server_requests"), "client and server count the same 5 streams");

        List<CSVRecord> timeseries = csv(folder.resolve("timeseries.csv"));
        assertEquals(List.of("1", "2", "3", "4"), timeseries.stream().map(r -> r.get("elapsed_s")).toList(),
                "one row per second of --duration");
        assertFalse(timeseries.get(3).get("busy_threads").isEmpty(), "the server's figures beside the client's");
        assertEquals("5", timeseries.get(3).get("sessions"));
        double serverCpuMs = 0;
        for (CSVRecord second : timeseries) {
            assertTrue(Double.parseDouble(second.get("client_cpu_ms")) > 0,
                    "the client's CPU in every second it received messages: " + second);
            assertTrue(Double.parseDouble(second.get("server_cpu_ms")) > 0,
                    "the server's CPU in every second it published: " + second);
            serverCpuMs += Double.parseDouble(second.get("server_cpu_ms"));
        }
        assertEquals(serverCpuMs / 1000, Double.parseDouble(sse.get("server_cpu_s")), 0.001,
                "the summary's server CPU is its seconds' sum");
        assertEquals(Double.parseDouble(sse.get("server_cpu_s")) * 1e6 / received,
                Double.parseDouble(sse.get("server_cpu_us_per_message")), 0.001);

        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("completed", json.path("status").asText());
        assertEquals(folder.getFileName().toString(), json.path("runId").asText());
        assertEquals(4000, json.path("scenario").path("durationMs").asLong());
        assertEquals(20.0, json.path("server").path("config").path("publishRate").asDouble());
        assertEquals("11.0.27", json.path("environment").path("tomcatVersion").asText());
        assertServerGone(json);
    }

    @Test
    void aMixedRunHasOneSummaryRowPerTransportPlusAll() throws Exception {
        CliRun run = run("--transport", "short-poll=1,long-poll=1,sse=1,ws=1", "--sessions", "8", "--ramp-up", "0",
                "--duration", "3s", "--publish-rate", "10", "--poll-interval", "250ms");

        assertEquals(0, run.exit(), run.err());
        Path folder = onlyFolder();
        assertTrue(folder.getFileName().toString().endsWith("-short-poll=1,long-poll=1,sse=1,ws=1"), folder.toString());
        List<CSVRecord> summary = csv(folder.resolve("summary.csv"));
        assertEquals(List.of("short-poll", "long-poll", "sse", "ws", "all"),
                summary.stream().map(r -> r.get("transport")).toList());
        Map<String, Long> logged = latencyCounts(folder);
        long requests = 0;
        long received = 0;
        for (CSVRecord row : summary.subList(0, 4)) {
            assertEquals("2", row.get("sessions"));
            assertEquals(Long.parseLong(row.get("messages_received")), logged.get(row.get("transport")),
                    row.get("transport") + ": histogram total == messages_received");
            requests += Long.parseLong(row.get("requests"));
            received += Long.parseLong(row.get("messages_received"));
        }
        CSVRecord all = summary.get(4);
        assertEquals(requests, Long.parseLong(all.get("requests")));
        assertEquals(received, Long.parseLong(all.get("messages_received")));
        assertFalse(all.get("busy_threads_max").isEmpty(), "server-wide figures in the all row");
        assertTrue(summary.get(0).get("busy_threads_max").isEmpty(), "not split per transport");
        assertTrue(csv(folder.resolve("timeseries.csv")).get(0).isMapped("long_poll_requests_per_s"));
        assertServerGone(JSON.readTree(folder.resolve("run.json").toFile()));
    }

    @Test
    void theServerIsGoneAfterAFailureInTheRun() throws Exception {
        Load.Factory failing = (scenario, recorder) -> {
            throw new IllegalStateException("simulated failure after the server started");
        };
        CliRun run = CliRun.of(List.of("run", "--out", out.toString(), "--duration", "3s", "--sessions", "2"),
                failing);

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("harness: run failed: unexpected error: java.lang.IllegalStateException:"
                + " simulated failure after the server started"), run.err());
        JsonNode json = JSON.readTree(onlyFolder().resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertEquals("failed", csv(onlyFolder().resolve("summary.csv")).get(0).get("status"));
        assertServerGone(json);
    }

    @Test
    void aServerThatNeverListensFailsAtTheListenTimeoutAndIsStopped() throws Exception {
        Path pidFile = out.resolve("server.pid");
        Path script = out.resolve("silent-java");
        Files.writeString(script, "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec sleep 60\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path runs = out.resolve("runs");
        long startNanos = System.nanoTime();
        CliRun run = CliRun.of(List.of("run", "--out", runs.toString(), "--server-java", script.toString(),
                "--listen-timeout", "2s", "--duration", "2s"));
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;

        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("harness: run failed: the server printed no LISTENING line within 2s: it printed"
                + " nothing (raise --listen-timeout if it is only slow)"), run.err());
        assertTrue(elapsedMs < 30_000, "gave up after " + elapsedMs + " ms");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the silent server still runs");
        try (Stream<Path> folders = Files.list(runs)) {
            Path folder = folders.findFirst().orElseThrow();
            assertEquals("failed", JSON.readTree(folder.resolve("run.json").toFile()).path("status").asText());
        }
    }

    @Test
    void aPortInUseIsBadInputWithTheServersOwnLineAndNoFolder() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = run("--port", Integer.toString(taken.getLocalPort()), "--duration", "2s");

            assertEquals(2, run.exit(), run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.errLines().get(0).startsWith("harness: the server refused its options: harness-server: "),
                    run.err());
            assertTrue(run.errLines().get(0).contains(Integer.toString(taken.getLocalPort())), run.err());
            try (Stream<Path> left = Files.list(out)) {
                assertEquals(List.of(), left.toList(), "no results folder, not even a partial one");
            }
        }
    }

    @Test
    void longPollsTheServerHoldsPastTheRequestTimeoutAreTimedOutTimedAndPolledAgain() throws Exception {
        CliRun run = run("--transport", "long-poll", "--sessions", "2", "--ramp-up", "0", "--duration", "3s",
                "--publish-rate", "0", "--long-poll-hold", "60000", "--request-timeout", "500ms",
                "--sse-reconnect-delay", "100ms", "--name", "timeouts");

        assertEquals(0, run.exit(), run.err());
        Path folder = onlyFolder();
        CSVRecord poll = csv(folder.resolve("summary.csv")).get(0);
        long timedOut = Long.parseLong(poll.get("requests_timed_out"));
        // each session: 500 ms unanswered, 100 ms pause, again, for 3 s
        assertTrue(timedOut >= 4, "every session timed out polls and polled on, got " + timedOut);
        assertEquals(poll.get("requests_timed_out"), poll.get("requests_failed"), "nothing else failed");
        assertEquals("0", poll.get("errors"), "a timeout is not an error");
        assertTrue(Double.parseDouble(poll.get("failure_time_p99_ms")) >= 499, poll.get("failure_time_p99_ms"));
        assertEquals(timedOut, latencyCounts(folder).get("failure-time.long-poll"),
                "every timed-out poll is in the failure histogram");
        JsonNode scenario = JSON.readTree(folder.resolve("run.json").toFile()).path("scenario");
        assertEquals(500, scenario.path("requestTimeoutMs").asLong());
        assertEquals(500, scenario.path("requestTimeoutMsByTransport").path("long-poll").asLong());
    }

    @Test
    void theDefaultRequestTimeoutIsThirtySecondsForShortPollsAndTheHoldPlusTenForLongPolls() throws Exception {
        CliRun run = run("--transport", "short-poll,long-poll", "--sessions", "2", "--ramp-up", "0", "--duration",
                "2s", "--long-poll-hold", "2000", "--name", "default-timeouts");

        assertEquals(0, run.exit(), run.err());
        Path folder = onlyFolder();
        JsonNode scenario = JSON.readTree(folder.resolve("run.json").toFile()).path("scenario");
        assertTrue(scenario.path("requestTimeoutMs").isNull(), "no --request-timeout given");
        assertEquals(30_000, scenario.path("requestTimeoutMsByTransport").path("short-poll").asLong());
        assertEquals(12_000, scenario.path("requestTimeoutMsByTransport").path("long-poll").asLong());
        for (CSVRecord row : csv(folder.resolve("summary.csv"))) {
            assertEquals("0", row.get("requests_timed_out"), row.get("transport"));
            assertEquals("0", row.get("requests_failed"), row.get("transport"));
            assertEquals("", row.get("failure_time_p99_ms"), "empty when no poll failed: " + row.get("transport"));
        }
    }

    private CliRun run(String... options) {
        return CliRun.run(out, options);
    }

    private Path onlyFolder() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> folders = s.toList();
            assertEquals(1, folders.size(), folders.toString());
            assertFalse(folders.get(0).getFileName().toString().startsWith("."), "a committed folder");
            return folders.get(0);
        }
    }

    private static void assertServerGone(JsonNode runJson) {
        long pid = runJson.path("server").path("pid").asLong(-1);
        assertTrue(pid > 0, "run.json names the server's pid");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server " + pid + " still runs");
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    static Map<String, Long> latencyCounts(Path folder) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(folder.resolve("latency.hlog").toFile());
        try {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                counts.merge(h.getTag(), ((Histogram) h).getTotalCount(), Long::sum);
            }
        } finally {
            reader.close();
        }
        return counts;
    }
}
