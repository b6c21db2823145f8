package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.findings.Findings;
import org.tomcatpush.harness.client.report.load.RunLoader;

/**
 * Held streams are cross-checked exactly: the server counts a connection and its request when the
 * request starts, so 300 SSE streams or WebSocket sessions held to the end of a run agree with the
 * client to the unit, whatever the timing at the end, and two identical runs pass
 * {@code harness compare}.
 */
@Timeout(180)
class HeldStreamAccountingTest {

    @TempDir
    Path out;

    /**
     * Timing figures of a few-second run on a shared machine are noise (the default tolerances are
     * meant for medians of repeats), and so is a count sampled once a second (sessions_open_max
     * depends on whether the last sessions connected before a sample), and so is the RSS grown per
     * session: it includes heap the collector committed, live or not, and whether it grew the heap
     * by a few regions during a 3 s run is chance, which at 300 sessions moves the figure by tens of
     * KB (14 MB = 45 KB per session in one CI run). The heap per session is read after a full
     * collection and keeps its default, as does every count.
     */
    private static final String NOISE_IGNORED = """
            metrics:
              latency_mean_ms: ignore
              latency_p50_ms: ignore
              latency_p90_ms: ignore
              latency_p99_ms: ignore
              latency_p999_ms: ignore
              latency_max_ms: ignore
              busy_threads_mean: ignore
              busy_threads_max: ignore
              busy_threads_p99: ignore
              queue_length_max: ignore
              server_connections_mean: ignore
              sessions_open_max: ignore
              connect_time_p50_ms: ignore
              connect_time_p99_ms: ignore
              connect_time_max_ms: ignore
              server_rss_bytes_per_session: ignore
            """;

    @Test
    void threeHundredHeldSseStreamsAgreeExactlyAndTwoIdenticalRunsPassCompare() throws Exception {
        Path first = heldRun("sse", "first", "3s");
        Path second = heldRun("sse", "second", "3s");
        Path tolerances = Files.writeString(out.resolve("tolerances.yaml"), NOISE_IGNORED);
        CliRun compare = CliRun.of(List.of("compare", "--baseline", first.resolve("summary.csv").toString(),
                "--current", second.resolve("summary.csv").toString(), "--tolerances", tolerances.toString(),
                "--out", out.resolve("compare").toString()));
        assertEquals(0, compare.exit(), compare.out() + compare.err());
    }

    @Test
    void threeHundredHeldWebSocketSessionsAgreeExactly() throws Exception {
        // upgrades take longer to set up than SSE requests on a loaded machine: a little more time to connect all
        heldRun("ws", "ws", "5s");
    }

    /**
     * A 300-session run of {@code transport} held to the end; checks the accounting and returns its
     * folder. Nothing is published: what a session receives would depend on when it connected on a
     * loaded machine, and only the accounting is under test.
     */
    private Path heldRun(String transport, String name, String duration) throws Exception {
        Path dir = out.resolve(name);
        CliRun run = CliRun.of(List.of("run", "--out", dir.toString(), "--transport", transport, "--sessions", "300",
                "--ramp-up", "0", "--duration", duration, "--publish-rate", "0", "--name", name));
        assertEquals(0, run.exit(), run.err());
        Path folder = onlyFolder(dir);
        CSVRecord row = csv(folder.resolve("summary.csv")).get(0);
        assertEquals("300", row.get("connections_opened"), "one connection per held session: " + row.toMap());
        assertEquals("300", row.get("server_connections_seen"), "the server counts each while it is open");
        assertEquals("300", row.get("server_requests"));
        assertEquals("0", row.get("client_minus_server_connections"));
        assertEquals("0", row.get("client_minus_server_requests"));
        assertEquals("0", row.get("closes_server_other"));
        assertEquals("0", row.get("closes_server_unexplained"));
        assertEquals("0", row.get("server_closes_slow_consumer"));
        List<Finding> findings = Findings.evaluate(RunLoader.load(folder));
        assertFalse(findings.stream().anyMatch(f -> f.text().contains("counts differ")), findings.toString());
        assertFalse(findings.stream().anyMatch(f -> f.text().contains("unexplained")), findings.toString());
        return folder;
    }

    private static Path onlyFolder(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> folders = s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0);
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
