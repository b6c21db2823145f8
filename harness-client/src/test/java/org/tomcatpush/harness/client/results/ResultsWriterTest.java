package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.serverstats.ServerStats;

class ResultsWriterTest {

    /** The core columns of the results contract, in contract order. */
    static final List<String> CORE_COLUMNS = List.of("run_id", "transport", "handler", "sessions", "duration_s",
            "protocol", "max_threads", "max_connections", "accept_count", "keep_alive_timeout_ms",
            "max_keep_alive_requests", "requests", "connections_opened", "requests_per_connection_mean",
            "closes_keepalive_limit", "closes_idle_timeout", "closes_server_other", "closes_client", "closes_error",
            "reconnects", "connect_failures", "messages_received", "messages_lost", "messages_duplicated",
            "latency_p50_ms", "latency_p99_ms", "latency_max_ms", "busy_threads_mean", "busy_threads_max",
            "server_connections_max", "requests_per_message", "bytes_per_message", "errors");

    @TempDir
    Path out;

    @Test
    void summaryStartsWithTheCoreColumnsInContractOrder() {
        List<String> header = SummaryCsv.header();
        assertEquals(CORE_COLUMNS, header.subList(0, CORE_COLUMNS.size()));
        assertTrue(header.containsAll(List.of("status", "latency_p90_ms", "latency_p999_ms", "response_time_p99_ms",
                "response_time_uncorrected_p99_ms", "bytes_received", "server_requests", "server_connections_seen",
                "server_requests_per_connection_mean", "server_closed_keepalive_limit", "client_minus_server_requests",
                "client_minus_server_connections", "queue_length_max", "reconnects_stream_ended",
                "reconnects_connection_lost", "reconnects_error")));
        assertEquals(header.size(), header.stream().distinct().count(), "column names are unique");
    }

    @Test
    void aMixedRunHasOneRowPerTransportPlusAllAndServerFiguresOnlyInAll() throws Exception {
        Path folder = write(ResultFixtures.result("sse=70,ws=30", RunStatus.COMPLETED));
        List<CSVRecord> rows = csv(folder.resolve("summary.csv"));
        assertEquals(List.of("sse", "ws", "all"), rows.stream().map(r -> r.get("transport")).toList());
        CSVRecord sse = rows.get(0);
        CSVRecord all = rows.get(2);
        assertEquals("8", sse.get("server_requests"), "the server's count for the sse endpoint");
        assertEquals("92", sse.get("client_minus_server_requests"));
        assertEquals("", sse.get("busy_threads_max"), "server-wide figures are not split per transport");
        assertEquals("", sse.get("server_connections_seen"));
        assertEquals("4", all.get("busy_threads_max"));
        assertEquals("1.2", all.get("busy_threads_mean"));
        assertEquals("12", all.get("server_connections_max"));
        assertEquals("12", all.get("server_connections_seen"));
        assertEquals("200", all.get("requests"));
        assertEquals("80", all.get("client_minus_server_requests"), "200 client requests, 120 server requests");
        assertEquals("8", all.get("client_minus_server_connections"), "20 client connections, 12 server");
        assertEquals("100", all.get("messages_received"));
        assertEquals("2", all.get("requests_per_message"));
        assertEquals("100", all.get("bytes_per_message"));
        assertEquals("10", all.get("requests_per_connection_mean"));
        assertEquals("18", all.get("closes_keepalive_limit"));
        assertEquals("completed", all.get("status"));
        assertEquals("3", all.get("duration_s"));
        assertEquals("3.2", all.get("measured_duration_s"));
        assertEquals("", all.get("response_time_p99_ms"), "no poll transport, no response time");
        assertEquals("4", all.get("latency_p99_ms"));
        assertEquals("async", all.get("handler"));
        assertEquals("nio", all.get("protocol"));
        assertEquals("60000", all.get("keep_alive_timeout_ms"), "the effective keep-alive timeout");
        for (CSVRecord row : rows) {
            assertEquals("1.25", row.get("publisher_lag_p99_ms"), "one publisher for every transport: " + row);
            assertEquals("512.3", row.get("publisher_lag_max_ms"));
        }
    }

    @Test
    void publisherLagIsEmptyWhenTheServerDidNotReportIt() throws Exception {
        RunResult r = ResultFixtures.result("sse", RunStatus.COMPLETED);
        ServerStats older = ServerStats.from(new ObjectMapper().readTree("{\"tomcatVersion\":\"11.0.27\"}"));
        Path folder = write(new RunResult(r.runId(), r.status(), r.failure(), r.setup(), r.environment(), r.startedAt(),
                r.endedAt(), r.transports(), r.all(), older, r.timeseries(), r.serverSamples(), r.statsFailures()));
        CSVRecord row = csv(folder.resolve("summary.csv")).get(0);
        assertEquals("", row.get("publisher_lag_p99_ms"), "unknown, not zero");
        assertEquals("", row.get("publisher_lag_max_ms"));
    }

    @Test
    void aSingleTransportRunHasOneRowWithTheServerFigures() throws Exception {
        Path folder = write(ResultFixtures.result("long-poll", RunStatus.COMPLETED));
        List<CSVRecord> rows = csv(folder.resolve("summary.csv"));
        assertEquals(1, rows.size());
        assertEquals("long-poll", rows.get(0).get("transport"));
        assertEquals("4", rows.get(0).get("busy_threads_max"));
        assertEquals("10", rows.get(0).get("server_requests"));
    }

    @Test
    void timeseriesHasARowPerSecondAndPerTransportColumnsForAMix() throws Exception {
        Path folder = write(ResultFixtures.result("short-poll,long-poll", RunStatus.COMPLETED));
        List<CSVRecord> rows = csv(folder.resolve("timeseries.csv"));
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "2", "3"), rows.stream().map(r -> r.get("elapsed_s")).toList());
        assertEquals("25.5", rows.get(0).get("messages_per_s"));
        assertEquals("", rows.get(0).get("latency_p99_ms"), "no message that second");
        assertEquals("4.25", rows.get(1).get("latency_p99_ms"));
        assertEquals("37.5", rows.get(1).get("client_cpu_ms"));
        assertEquals("10", rows.get(0).get("short_poll_sessions"));
        assertEquals("5", rows.get(0).get("long_poll_messages_per_s"));
        List<CSVRecord> samples = csv(folder.resolve("server_samples.csv"));
        assertEquals(1, samples.size());
        assertEquals("100", samples.get(0).get("elapsed_ms"));
    }

    @Test
    void runJsonHoldsStatusScenarioServerAndEnvironment() throws Exception {
        Path folder = write(ResultFixtures.result("sse", RunStatus.FAILED));
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertEquals("server died", json.path("failure").asText());
        assertEquals("sse", json.path("scenario").path("transport").asText());
        assertEquals(3000, json.path("scenario").path("durationMs").asLong());
        assertEquals(200, json.path("server").path("config").path("maxThreads").asInt());
        assertEquals(4242, json.path("server").path("pid").asLong());
        assertEquals("11.0.27", json.path("environment").path("tomcatVersion").asText());
        assertEquals("2025-11-25T10:00:00Z", json.path("startedAt").asText());
        assertEquals("failed", csv(folder.resolve("summary.csv")).get(0).get("status"));
    }

    @Test
    void aRunThatNeverStartedStillGetsAReadableEmptyLatencyLog() throws Exception {
        Path folder = write(ResultFixtures.result("ws", RunStatus.FAILED));
        HistogramLogReader reader = new HistogramLogReader(folder.resolve("latency.hlog").toFile());
        assertEquals(null, reader.nextIntervalHistogram());
        assertEquals(ResultFixtures.START.toEpochMilli() / 1000.0, reader.getStartTimeSec(), 0.001);
        reader.close();
    }

    @Test
    void filesAreWrittenInAHiddenPartialFolderAndRenamedWhenComplete() throws Exception {
        ResultsFolder folder = ResultsFolder.begin(out, ZonedDateTime.of(2025, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC),
                "fixture");
        assertEquals("20251125-100000-fixture", folder.runId());
        assertTrue(Files.isDirectory(out.resolve(".20251125-100000-fixture.partial")));
        assertFalse(Files.exists(out.resolve("20251125-100000-fixture")));
        Path done = ResultsWriter.writeAndCommit(ResultFixtures.result("sse", RunStatus.COMPLETED), folder);
        assertEquals(out.resolve("20251125-100000-fixture"), done);
        assertEquals(List.of("20251125-100000-fixture"), list(out));
        assertEquals(List.of("latency.hlog", "run.json", "server_samples.csv", "summary.csv", "timeseries.csv"),
                list(done));
    }

    @Test
    void runsOfTheSameNameInTheSameSecondGetDistinctFolders() throws Exception {
        ZonedDateTime at = ZonedDateTime.of(2025, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC);
        ResultsFolder first = ResultsFolder.begin(out, at, "x");
        ResultsFolder second = ResultsFolder.begin(out, at, "x");
        assertEquals("20251125-100000-x", first.runId());
        assertEquals("20251125-100000-x-2", second.runId());
        second.discard();
        assertEquals(List.of(".20251125-100000-x.partial"), list(out));
    }

    @Test
    void namesAreSanitisedForFolders() {
        assertEquals("sse=70,ws=30", ResultsFolder.sanitize("sse=70,ws=30"));
        assertEquals("sse=70,_ws=30", ResultsFolder.sanitize("sse=70, ws=30"));
        assertEquals("short-poll", ResultsFolder.sanitize("short-poll"));
        assertEquals("my_run.v2", ResultsFolder.sanitize("my run.v2"));
        assertEquals("_script_alert_1___script_", ResultsFolder.sanitize("<script>alert(1)</script>"));
        assertEquals("", ResultsFolder.sanitize("///"));
        assertEquals("", ResultsFolder.sanitize(".."));
        assertEquals(80, ResultsFolder.sanitize("a".repeat(200)).length());
    }

    private Path write(RunResult result) throws Exception {
        ResultsFolder folder = ResultsFolder.begin(out, result.runId().substring(16));
        return ResultsWriter.writeAndCommit(result, folder);
    }

    static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return parser.getRecords();
        }
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
