package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.cli.RunEndToEndTest.csv;
import static org.tomcatpush.harness.client.cli.RunEndToEndTest.latencyCounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code harness run} end to end where the headline figures are easiest to get wrong: sessions
 * that never get going (a blocking handler holding every worker thread) and SSE streams that the
 * server keeps ending (reconnects are reconnections made, stream ends are counted apart).
 */
@Timeout(120)
class SessionsAndReconnectsRunTest {

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"servlet", "spring"})
    void sessionsQueuedBehindBlockingHandlersNeverOpenWaitTheWholeRunAndBreachAnOpenedThreshold(String api)
            throws Exception {
        // 8 streams hold the 8 workers for the whole run and 12 wait in the executor queue; the
        // per-second stats requests go to the control connector, whose threads the workload cannot take
        CliRun run = run("--transport", "sse", "--handler", "blocking", "--max-threads", "8", "--sessions", "20",
                "--ramp-up", "1s", "--duration", "5s", "--publish-rate", "20",
                "--threshold", "sessions_opened_ratio>=1", "--api", api);

        assertEquals(3, run.exit(), "a breached threshold exits 3: " + run.out() + run.err());
        Path folder = onlyFolder();
        CSVRecord sse = csv(folder.resolve("summary.csv")).get(0);
        assertEquals("thresholds-breached", sse.get("status"), run.err());
        assertEquals(api, sse.get("api"));
        assertEquals("8", sse.get("sessions_opened"), "one stream per worker thread");
        assertEquals("12", sse.get("sessions_never_opened"), "the others wait in the executor queue");
        assertEquals("0.4", sse.get("sessions_opened_ratio"));
        assertEquals("12", sse.get("first_message_censored"));
        // a queued session started within the 1 s ramp-up and waited until the stop, after the 5 s
        double firstMessageMaxMs = Double.parseDouble(sse.get("first_message_max_ms"));
        assertTrue(firstMessageMaxMs >= 5_000 - 1_000, "censored waits count the whole run: " + firstMessageMaxMs);
        assertEquals(20L, latencyCounts(folder).get("first-message.sse"), "one time to first message per session");

        // the server's own figures, from its samples in the measured window, in every place they show
        assertEquals("8", sse.get("busy_threads_max"), "every worker is held");
        assertTrue(Long.parseLong(sse.get("queue_length_max")) >= 12, "the other 12 streams wait: " + sse.toMap());
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals(0, json.path("statsFailures").asLong(), "no stats request failed or timed out");
        List<CSVRecord> timeseries = csv(folder.resolve("timeseries.csv"));
        assertEquals(5, timeseries.size());
        for (CSVRecord second : timeseries) {
            for (String column : new String[] {"busy_threads", "queue_length", "server_connections"}) {
                assertFalse(second.get(column).isEmpty(), "second " + second.get("elapsed_s") + " has " + column);
            }
            assertTrue(Long.parseLong(second.get("busy_threads")) <= 8, "never above the summary's max");
        }
        // the table's busy max is per 1,000 sessions opened: all 8 workers held by the 8 sessions that opened
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("sse ") && l.contains(" 8/20 ")
                && l.split(" +")[3].equals("1000")), "opened/planned, and busy max as in summary.csv: " + run.out());

        assertTrue(run.out().lines().anyMatch(l -> l.matches("warning: sse: 12 of 20 sessions never opened \\(no"
                + " response, stream or upgrade\\): the delivery figures leave them out; time to first message p99"
                + " [\\d.]+ ms, those still waiting counted until the end of the run")), run.out());
        assertTrue(run.out().contains("threshold breached: sse sessions_opened_ratio>=1 (was 0.4)"), run.out());
        String xml = Files.readString(folder.resolve("thresholds.xml"));
        assertTrue(xml.contains("tests=\"1\" failures=\"1\""), xml);
        assertTrue(xml.contains("name=\"sse sessions_opened_ratio&gt;=1\""), xml);
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(html.contains("sse: 12 of 20 sessions never opened"), "the report's findings say so");
        assertTrue(html.contains("busy threads reached maxThreads (8)"), "and that the pool was saturated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"servlet", "spring"})
    void sseReconnectsAreTheStreamRequestsBeyondOnePerSession(String api) throws Exception {
        CliRun run = run("--transport", "sse", "--sessions", "3", "--ramp-up", "0", "--duration", "4s",
                "--sse-timeout", "500", "--sse-retry", "100", "--publish-rate", "10", "--api", api);

        assertEquals(0, run.exit(), run.err());
        CSVRecord sse = csv(onlyFolder().resolve("summary.csv")).get(0);
        assertEquals(api, sse.get("api"));
        long requests = Long.parseLong(sse.get("requests"));
        long reconnects = Long.parseLong(sse.get("reconnects"));
        long streamsEnded = Long.parseLong(sse.get("streams_ended"));
        assertTrue(requests >= 3 * 2, "every session's stream ended and was reopened: " + requests);
        assertEquals(requests - 3, reconnects, "stream requests minus sessions");
        assertEquals(reconnects, Long.parseLong(sse.get("reconnects_stream_ended")), "the causes sum to reconnects");
        assertTrue(streamsEnded >= reconnects && streamsEnded <= reconnects + 3,
                streamsEnded + " stream ends, " + reconnects + " reconnects");
        assertEquals("3", sse.get("sessions_opened"));
        assertEquals("0", sse.get("sessions_never_opened"));
        assertEquals("1", sse.get("sessions_opened_ratio"));
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("sse ") && l.contains(" 3/3 ")), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("warning:")), run.out());
    }

    private CliRun run(String... options) {
        return CliRun.run(out, options);
    }

    private Path onlyFolder() throws Exception {
        return BackgroundRun.onlyFolder(out);
    }
}
