package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * {@code harness run} against a server whose publisher is stalled on purpose in the middle of the
 * run (an in-process server driven with {@code --target}, so the test can reach its publisher):
 * the stall shows in the delivery latency, which counts from the intended publish time, in
 * {@code publisher_lag_*_ms} and as a finding of the report.
 */
@Timeout(120)
class PublisherLagRunTest {

    @TempDir
    Path out;

    @Test
    void aPublisherStalledDuringTheRunShowsInLatencyInPublisherLagAndInTheReport() throws Exception {
        try (HarnessServer server = HarnessServer.start(ServerConfig.parse("--host", "127.0.0.1", "--port", "0",
                "--publish-rate", "20"));
             BackgroundRun run = BackgroundRun.start("--out", out.toString(), "--target", server.baseUri().toString(),
                     "--transport", "sse", "--sessions", "2", "--ramp-up", "0", "--duration", "3s",
                     "--name", "stalled")) {
            awaitStreams(server, run);
            server.publisher().orElseThrow().stallFor(Duration.ofMillis(500));

            CliRun result = run.await(Duration.ofSeconds(60));
            assertEquals(0, result.exit(), result.err());
            Path folder = BackgroundRun.onlyFolder(out);
            List<CSVRecord> summary = RunEndToEndTest.csv(folder.resolve("summary.csv"));
            assertEquals(1, summary.size());
            CSVRecord sse = summary.get(0);
            assertTrue(Double.parseDouble(sse.get("latency_max_ms")) >= 450,
                    "latency counts from the intended time: " + sse.get("latency_max_ms"));
            assertTrue(Double.parseDouble(sse.get("publisher_lag_max_ms")) >= 450, sse.get("publisher_lag_max_ms"));
            assertTrue(Double.parseDouble(sse.get("publisher_lag_p99_ms"))
                    <= Double.parseDouble(sse.get("publisher_lag_max_ms")));
            assertEquals("0", sse.get("messages_lost"));
            assertTrue(Files.readString(folder.resolve("report.html"))
                    .contains("the publisher fell behind its schedule"), "the report says so");
        }
    }

    /** Waits until the run's sessions have opened their streams: the run has reset the server by then. */
    private static void awaitStreams(HarnessServer server, BackgroundRun run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.probe().counters().requests(Endpoint.SSE) < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run's streams did not open within 30 s");
            }
            if (run.sinceStart().toSeconds() > 60) {
                throw new AssertionError("the run is taking too long");
            }
            Thread.sleep(20);
        }
    }
}
