package org.tomcatpush.harness.client.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.serverstats.FakeHarnessServer;
import org.tomcatpush.harness.client.thresholds.Threshold;

/**
 * The run's plumbing (reset, sampling, progress, result files, failure paths) against a fake
 * control endpoint given as {@code --target} and a fake load; the end-to-end tests in the cli
 * package do the same with a real server and real sessions.
 */
@Timeout(60)
class LoadRunTest {

    @TempDir
    Path out;

    private FakeHarnessServer server;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        server = new FakeHarnessServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCompletedRunWritesFilesThatAgreeWithEachOther() throws Exception {
        int exit = run(plan("sse,ws", Duration.ofSeconds(5)), FakeLoad::new);

        assertEquals(ExitStatus.OK, exit, stderr.toString(StandardCharsets.UTF_8));
        assertEquals(1, server.resets(), "counters are reset once, before the load");
        Path folder = onlyFolder();
        List<CSVRecord> summary = csv(folder.resolve("summary.csv"));
        assertEquals(List.of("sse", "ws", "all"), summary.stream().map(r -> r.get("transport")).toList());
        Map<String, Long> logged = latencyCountsByTag(folder.resolve("latency.hlog"));
        for (CSVRecord row : summary.subList(0, 2)) {
            long received = Long.parseLong(row.get("messages_received"));
            assertTrue(received > 100, "a 5 s fake run receives a message every 20 ms, got " + received);
            assertEquals(received, logged.get(row.get("transport")), "histogram count == messages_received");
            assertEquals(row.get("requests"), row.get("messages_received"));
            assertEquals("completed", row.get("status"));
        }
        assertEquals(Long.parseLong(summary.get(0).get("messages_received"))
                + Long.parseLong(summary.get(1).get("messages_received")),
                Long.parseLong(summary.get(2).get("messages_received")));
        assertEquals("2", summary.get(2).get("latency_p50_ms"));
        assertEquals("150", summary.get(0).get("bytes_per_message"));

        List<CSVRecord> timeseries = csv(folder.resolve("timeseries.csv"));
        assertEquals(List.of("1", "2", "3", "4", "5"), timeseries.stream().map(r -> r.get("elapsed_s")).toList());
        assertEquals("1", timeseries.get(0).get("busy_threads"),
                "the server's busy threads beside the client's rates: its last sample by then, not the live reading (3)");
        assertEquals("1", summary.get(2).get("busy_threads_max"),
                "from the server's samples in the window, not its histogram since the reset (max 4)");
        assertEquals("1", summary.get(2).get("server_samples"));
        assertEquals("2", timeseries.get(4).get("sessions"));
        assertTrue(Double.parseDouble(timeseries.get(2).get("messages_per_s")) > 20);
        assertTrue(timeseries.get(0).isMapped("sse_sessions") && timeseries.get(0).isMapped("ws_requests_per_s"));

        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("completed", json.path("status").asText());
        assertEquals("target", json.path("server").path("mode").asText());
        assertEquals("11.0.27", json.path("environment").path("tomcatVersion").asText());
        assertEquals(folder.getFileName().toString(), json.path("runId").asText());
        assertEquals(1, csv(folder.resolve("server_samples.csv")).size(), "the final stats' fine-grained series");

        String progress = stderr.toString(StandardCharsets.UTF_8);
        // the fake server's timeMillis is the protocol example's, a year back: its clock is off, and the run says so
        assertTrue(progress.matches("(?s)harness: warning: the client's clock is \\d+ ms ahead of the server's \\(known"
                + " to within \\d+ ms\\): its delivery latencies, [^\\n]+ too long; synchronise the clocks \\(chrony or"
                + " NTP\\) before reading them\\R"
                + "\\[\\s+5s/5s\\] sessions 2/4  msg/s \\d+  req/s \\d+  busy 3  queue 0"
                + "  conns 12  errors 0\\R"), progress);
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertTrue(table.startsWith("transport "), table);
        assertTrue(table.contains("results: " + folder), table);
    }

    @Test
    void theServersCpuTimeIsReadAtTheStartAndEverySecondAndSummedInTheServerWideRow() throws Exception {
        // the server's CPU time grows by 250 ms between two stats requests
        AtomicLong statsRequests = new AtomicLong();
        server.statsBody(() -> FakeHarnessServer.PROTOCOL_EXAMPLE.replace("\"lastSeq\": 45,", "\"lastSeq\": 45,"
                + " \"process\": { \"cpuNanos\": " + statsRequests.incrementAndGet() * 250_000_000L + " },"));
        int exit = run(plan("sse,ws", Duration.ofSeconds(3)), FakeLoad::new);

        assertEquals(ExitStatus.OK, exit, stderr.toString(StandardCharsets.UTF_8));
        Path folder = onlyFolder();
        assertEquals(List.of("250", "250", "250"), csv(folder.resolve("timeseries.csv")).stream()
                .map(r -> r.get("server_cpu_ms")).toList(), "one request between two readings, from the clock's start");
        List<CSVRecord> summary = csv(folder.resolve("summary.csv"));
        assertEquals(List.of("", "", "0.75"), summary.stream().map(r -> r.get("server_cpu_s")).toList(),
                "the server's figure in the row that stands for all its traffic only");
        long delivered = Long.parseLong(summary.get(2).get("messages_received"));
        assertEquals(0.75e6 / delivered, Double.parseDouble(summary.get(2).get("server_cpu_us_per_message")), 0.0005);
        assertEquals("", summary.get(0).get("server_cpu_us_per_message"));
    }

    @Test
    void aTargetWithAControlConnectorIsAskedOnceWhereItIsThenSampledAndResetThere() throws Exception {
        server.close();
        server = FakeHarnessServer.withControlConnector();
        int exit = run(plan("sse", Duration.ofSeconds(3)), FakeLoad::new);

        assertEquals(ExitStatus.OK, exit, stderr.toString(StandardCharsets.UTF_8));
        assertEquals(1, server.workloadRequests(), "the workload port is asked once, before the load");
        assertEquals(1, server.resets());
        assertTrue(server.statsRequests() >= 1 + 3 + 1, "initial, one a second, final: " + server.statsRequests());
        JsonNode json = new ObjectMapper().readTree(onlyFolder().resolve("run.json").toFile());
        assertEquals(0, json.path("statsFailures").asLong());
        assertEquals(server.baseUri().toString(), json.path("scenario").path("target").asText(),
                "the sessions still go to the target");
    }

    @Test
    void aTargetWhoseControlConnectorIsNotLoopbackIsBadInputAndLeavesNoFolder() throws Exception {
        server.close();
        server = FakeHarnessServer.withControlConnector();
        server.redirectTo("http://10.0.0.1:9/harness/stats"); // never contacted: refused before any request

        int exit = run(plan("sse", Duration.ofSeconds(2)), FakeLoad::new);

        assertEquals(ExitStatus.BAD_INPUT, exit);
        assertEquals("harness: the target " + server.baseUri() + " serves /harness/* at http://10.0.0.1:9, which is"
                + " not a loopback address: the harness only talks to 127.0.0.0/8, ::1 and localhost unless you add"
                + " --allow-remote", stderr.toString(StandardCharsets.UTF_8).strip());
        assertEquals(0, server.statsRequests());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "bad input writes nothing");
        }
    }

    @Test
    void aTargetsReportedLongPollHoldSetsTheLongPollsDefaultRequestTimeout() throws Exception {
        server.statsBody(() -> FakeHarnessServer.PROTOCOL_EXAMPLE.replace("\"virtualThreads\": false",
                "\"virtualThreads\": false, \"longPollHoldMs\": 5000"));
        int exit = run(plan("long-poll,short-poll", Duration.ofSeconds(1)), FakeLoad::new);

        assertEquals(ExitStatus.OK, exit, stderr.toString(StandardCharsets.UTF_8));
        JsonNode timeouts = new ObjectMapper().readTree(onlyFolder().resolve("run.json").toFile())
                .path("scenario").path("requestTimeoutMsByTransport");
        assertEquals(15_000, timeouts.path("long-poll").asLong(), "the target's hold of 5 s + 10 s");
        assertEquals(30_000, timeouts.path("short-poll").asLong());
    }

    @Test
    void aLoadThatFailsLeavesAFolderMarkedFailedAndExitsOne() throws Exception {
        int exit = run(plan("long-poll", Duration.ofSeconds(3)), (scenario, recorder) -> new Load() {
            @Override
            public void start() {
                throw new IllegalStateException("no sessions today");
            }

            @Override
            public int openSessions() {
                return 0;
            }

            @Override
            public void close() {
            }
        });

        assertEquals(ExitStatus.FAILED, exit);
        Path folder = onlyFolder();
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertTrue(json.path("failure").asText().contains("no sessions today"), json.toString());
        assertEquals("failed", csv(folder.resolve("summary.csv")).get(0).get("status"));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("harness: run failed: unexpected error:"));
    }

    @Test
    void aFailedRunStaysFailedWithExitOneWhateverItsThresholdsButRecordsThem() throws Exception {
        RunPlan base = plan("sse", Duration.ofSeconds(2));
        RunPlan plan = new RunPlan(base.name(), base.outDir(), base.mix(), base.sessions(), base.rampUp(),
                base.duration(), base.pollInterval(), base.browser(), base.sessionsPerBrowser(),
                base.sseReconnectDelay(), base.sourceAddresses(), base.connectTimeout(), base.target(),
                base.allowRemote(), base.serverConfig(), base.virtualThreads(), base.serverJava(), base.serverHeap(),
                base.listenTimeout(), base.commandLine(), base.requestTimeout(),
                Threshold.parseAll(List.of("messages_received<0"), SummaryCsv.header()));
        server.statsStatus(404);

        int exit = run(plan, FakeLoad::new);

        assertEquals(ExitStatus.FAILED, exit);
        Path folder = onlyFolder();
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertEquals("[\"messages_received<0\"]", json.path("thresholds").toString());
        assertTrue(json.path("thresholdOutcomes").get(0).path("breached").asBoolean(), json.toString());
        assertEquals("failed", csv(folder.resolve("summary.csv")).get(0).get("status"));
        assertTrue(Files.readString(folder.resolve("thresholds.xml")).contains("property name=\"status\""
                + " value=\"failed\""));
    }

    @Test
    void aTargetThatIsNotAHarnessServerFailsWithAClearCause() throws Exception {
        server.statsStatus(404);
        int exit = run(plan("sse", Duration.ofSeconds(2)), FakeLoad::new);

        assertEquals(ExitStatus.FAILED, exit);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(err.contains("does not answer /harness/stats") && err.contains("is it a harness server?"), err);
        assertEquals(0, server.resets());
        JsonNode json = new ObjectMapper().readTree(onlyFolder().resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
    }

    @Test
    void aRunStuckPastItsDeadlineIsStoppedAndWrittenAsFailed() throws Exception {
        long startNanos = System.nanoTime();
        int exit = new LoadRun(plan("sse", Duration.ofSeconds(2)), (scenario, recorder) -> new FakeLoad(scenario,
                recorder) {
            @Override
            public int openSessions() {
                try {
                    new CountDownLatch(1).await(); // a sampling step that never returns
                } catch (InterruptedException stoppedByTheWatchdog) {
                    // the deadline's watchdog interrupts the run's thread
                }
                return 0;
            }
        }, "test", new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), Duration.ofSeconds(1)).execute();
        long elapsedS = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();

        assertEquals(ExitStatus.FAILED, exit);
        JsonNode json = new ObjectMapper().readTree(onlyFolder().resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertTrue(json.path("failure").asText().startsWith("deadline exceeded: the run was still going 1 s after its"
                + " planned end (2 s)"), json.toString());
        assertEquals("failed", csv(onlyFolder().resolve("summary.csv")).get(0).get("status"));
        assertTrue(elapsedS < 30, "the deadline (3 s) ended the run, not the test's time limit: " + elapsedS + " s");
    }

    @Test
    void theMeasuredWindowEndsWhenTheSessionsAreStoppedNotAfterTheTeardown() throws Exception {
        AtomicLong closeEnteredEpochMs = new AtomicLong();
        int exit = run(plan("sse", Duration.ofSeconds(2)), (scenario, recorder) -> new FakeLoad(scenario, recorder) {
            @Override
            public void close() {
                closeEnteredEpochMs.set(System.currentTimeMillis());
                super.close();
                try {
                    Thread.sleep(2_000); // a slow teardown: connections closing, event loops stopping
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        assertEquals(ExitStatus.OK, exit, stderr.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(onlyFolder().resolve("run.json").toFile());
        long startMs = json.path("startEpochMs").asLong();
        long endMs = json.path("endEpochMs").asLong();
        assertTrue(endMs <= closeEnteredEpochMs.get(), "the window ends before the teardown begins: end " + endMs
                + ", teardown from " + closeEnteredEpochMs.get());
        assertTrue(endMs - startMs >= 2_000, "the window holds the whole planned duration: " + (endMs - startMs) + " ms");
        assertEquals((endMs - startMs) / 1000.0,
                Double.parseDouble(csv(onlyFolder().resolve("summary.csv")).get(0).get("measured_duration_s")), 0.0005);
    }

    @Test
    void aLoadThatNeverStopsCannotHoldTheRun() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try {
            int exit = run(plan("ws", Duration.ofSeconds(1)), (scenario, recorder) -> new FakeLoad(scenario,
                    recorder) {
                @Override
                public void close() {
                    super.close();
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            assertEquals(ExitStatus.FAILED, exit);
            JsonNode json = new ObjectMapper().readTree(onlyFolder().resolve("run.json").toFile());
            assertEquals("failed", json.path("status").asText());
            assertEquals("the sessions did not stop within 10 s", json.path("failure").asText());
        } finally {
            never.countDown();
        }
    }

    private RunPlan plan(String mix, Duration duration) {
        return new RunPlan("test", out, TransportMix.parse(mix), 4, Duration.ZERO, duration, Duration.ofSeconds(1),
                false, 1, Duration.ofSeconds(3), 1, Duration.ofSeconds(5), server.baseUri(), false, null, false,
                ServerLaunch.currentJava(), null, Duration.ofSeconds(30), List.of(), null, List.of());
    }

    private int run(RunPlan plan, Load.Factory loads) {
        return new LoadRun(plan, loads, "test", new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).execute();
    }

    private Path onlyFolder() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> folders = s.toList();
            assertEquals(1, folders.size(), folders.toString());
            assertTrue(!folders.get(0).getFileName().toString().startsWith("."), "a committed folder, not a partial one");
            return folders.get(0);
        }
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file))) {
            return parser.getRecords();
        }
    }

    static Map<String, Long> latencyCountsByTag(Path hlog) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
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
