package org.tomcatpush.harness.client.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.results.LatencySummary;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

class LatencyLogTest {

    @TempDir
    Path dir;

    @Test
    void everyRecordedValueIsInTheLogOnceAndInTheTotals() throws Exception {
        RunRecorder recorder = new RunRecorder(TransportMix.parse("short-poll,sse"));
        recorder.forTransport(Transport.SSE).messageReceived(999_999); // before the log opens: not counted
        long startMs = System.currentTimeMillis();
        Path file = dir.resolve("latency.hlog");
        LatencyLog log = LatencyLog.open(file, recorder, startMs);

        recorder.forTransport(Transport.SSE).messageReceived(1_000);
        recorder.forTransport(Transport.SSE).messageReceived(2_000);
        recorder.forTransport(Transport.SHORT_POLL).messageReceived(500_000);
        recorder.forTransport(Transport.SHORT_POLL).responseTime(3_000, 1_000);
        assertEquals(3, log.drain().getTotalCount(), "the interval's delivery latency, all transports");
        recorder.forTransport(Transport.SSE).messageReceived(4_000);
        assertEquals(1, log.drain().getTotalCount());
        assertEquals(0, log.drain().getTotalCount());
        log.close();

        LatencySummary sse = log.total(Transport.SSE, LatencyLog.Family.LATENCY);
        assertEquals(3, sse.count());
        assertEquals(4.0, sse.maxMs(), 0.01);
        assertEquals(1, log.total(Transport.SHORT_POLL, LatencyLog.Family.RESPONSE_TIME).count());
        assertEquals(3.0, log.total(Transport.SHORT_POLL, LatencyLog.Family.RESPONSE_TIME).maxMs(), 0.01);
        assertEquals(1.0, log.total(Transport.SHORT_POLL, LatencyLog.Family.UNCORRECTED_RESPONSE_TIME).maxMs(), 0.01);
        assertTrue(log.total(Transport.SSE, LatencyLog.Family.RESPONSE_TIME).isEmpty());
        assertEquals(4, log.totalOfAll(LatencyLog.Family.LATENCY).count());

        Map<String, Long> countByTag = new HashMap<>();
        Map<String, Integer> intervalsByTag = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            countByTag.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
            intervalsByTag.merge(h.getTag(), 1, Integer::sum);
        }
        assertEquals(startMs / 1000.0, reader.getStartTimeSec(), 0.001);
        reader.close();
        assertEquals(Map.of("sse", 3L, "short-poll", 1L, "response-time.short-poll", 1L,
                "response-time-uncorrected.short-poll", 1L), countByTag);
        assertEquals(3, intervalsByTag.get("sse"), "delivery latency is logged every interval, even empty");
        assertEquals(1, intervalsByTag.get("response-time.short-poll"), "response times only when there are some");
    }

    @Test
    void timeToFirstMessageHasItsOwnTagAndIsNoDeliveryLatency() throws Exception {
        RunRecorder recorder = new RunRecorder(TransportMix.parse("sse,ws"));
        Path file = dir.resolve("latency.hlog");
        LatencyLog log = LatencyLog.open(file, recorder, System.currentTimeMillis());

        recorder.forTransport(Transport.SSE).firstMessage(40_000);
        recorder.forTransport(Transport.SSE).firstMessageCensored(5_000_000);
        recorder.forTransport(Transport.WS).firstMessage(10_000);
        assertEquals(0, log.drain().getTotalCount(), "no delivery latency was recorded");
        log.drain();
        log.close();

        LatencySummary sse = log.total(Transport.SSE, LatencyLog.Family.FIRST_MESSAGE);
        assertEquals(2, sse.count());
        assertEquals(5_000.0, sse.maxMs(), 5.0);
        assertEquals(3, log.totalOfAll(LatencyLog.Family.FIRST_MESSAGE).count());
        assertEquals(1, recorder.forTransport(Transport.SSE).counters().firstMessagesCensored());
        Map<String, Integer> intervalsByTag = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(file.toFile());
        EncodableHistogram h;
        while ((h = reader.nextIntervalHistogram()) != null) {
            intervalsByTag.merge(h.getTag(), 1, Integer::sum);
        }
        reader.close();
        assertEquals(Map.of("sse", 2, "ws", 2, "first-message.sse", 1, "first-message.ws", 1), intervalsByTag,
                "first-message intervals only when there are some");
    }
}
