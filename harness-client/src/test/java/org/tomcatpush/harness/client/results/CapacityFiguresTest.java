package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The per-1,000 figures are the raw summary.csv columns divided by sessions held (sessions_opened,
 * else sessions) times 1,000, computed here again from a fixture's file.
 */
class CapacityFiguresTest {

    /** The writer-layout fixture: 20 short-poll sessions, no sessions_opened column, no memory columns. */
    private static Map<String, String> pollRun() throws Exception {
        try (Reader in = new InputStreamReader(CapacityFiguresTest.class.getResourceAsStream(
                "/report/poll-run/summary.csv"), StandardCharsets.UTF_8)) {
            CSVRecord row = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)
                    .getRecords().get(0);
            return new HashMap<>(row.toMap());
        }
    }

    private static double raw(Map<String, String> cells, String column) {
        return Double.parseDouble(cells.get(column));
    }

    @Test
    void withoutSessionsOpenedTheFiguresArePerThousandPlannedSessions() throws Exception {
        Map<String, String> cells = pollRun();
        double held = raw(cells, "sessions");

        CapacityFigures f = CapacityFigures.of(cells);

        assertEquals("sessions", f.heldColumn());
        assertEquals(held, f.sessionsHeld());
        assertEquals(raw(cells, "server_connections_max") / held * 1000, f.connectionsPer1k(), 1e-9);
        assertEquals(raw(cells, "busy_threads_mean") / held * 1000, f.busyThreadsMeanPer1k(), 1e-9);
        assertEquals(raw(cells, "busy_threads_max") / held * 1000, f.busyThreadsMaxPer1k(), 1e-9);
        assertEquals(raw(cells, "requests") / raw(cells, "measured_duration_s") * 60 / held * 1000,
                f.requestsPerMinutePer1k(), 1e-9);
        assertEquals(raw(cells, "bytes_per_message"), f.bytesPerMessage());
        assertEquals(raw(cells, "latency_p50_ms"), f.latencyP50Ms());
        assertEquals(raw(cells, "latency_p99_ms"), f.latencyP99Ms());
        assertEquals(raw(cells, "latency_p999_ms"), f.latencyP999Ms());
        assertTrue(Double.isNaN(f.heapMbPer1k()), "no memory columns: not available");
        assertTrue(Double.isNaN(f.rssMbPer1k()));
        assertTrue(Double.isNaN(f.firstMessageP99Ms()));
        assertTrue(Double.isNaN(f.heldHeapMbPer1k()), "no held-memory columns: not available");
        assertTrue(Double.isNaN(f.heldRssMbPer1k()));
        // by hand: 20 connections of 20 sessions; 1000 requests in 10.02 s by 20 sessions
        assertEquals(1000, f.connectionsPer1k(), 1e-9);
        assertEquals(299_401.197, f.requestsPerMinutePer1k(), 1e-3);
    }

    @Test
    void sessionsOpenedAndMemoryColumnsAreReadByNameWhenPresent() throws Exception {
        Map<String, String> cells = pollRun();
        cells.put("sessions_opened", "16");
        cells.put("server_heap_mb_max", "48.5");
        cells.put("server_rss_mb_max", "212");
        cells.put("first_message_p99_ms", "95.5");

        CapacityFigures f = CapacityFigures.of(cells);

        assertEquals("sessions_opened", f.heldColumn());
        assertEquals(16, f.sessionsHeld());
        assertEquals(20, f.sessionsPlanned());
        assertEquals(raw(cells, "server_connections_max") / 16 * 1000, f.connectionsPer1k(), 1e-9);
        assertEquals(48.5 / 16 * 1000, f.heapMbPer1k(), 1e-9);
        assertEquals(212.0 / 16 * 1000, f.rssMbPer1k(), 1e-9);
        assertEquals(95.5, f.firstMessageP99Ms());
    }

    @Test
    void heldMemoryPerSessionIsScaledToAThousandSessionsInMebibytes() throws Exception {
        Map<String, String> cells = pollRun();
        cells.put("server_heap_bytes_per_session", "83886");
        cells.put("server_rss_bytes_per_session", "-1049");

        CapacityFigures f = CapacityFigures.of(cells);

        // 83,886 bytes x 1,000 = 80 MiB; the per-session figure needs no divisor of its own
        assertEquals(83_886_000.0 / 1_048_576, f.heldHeapMbPer1k(), 1e-9);
        assertEquals(-1_049_000.0 / 1_048_576, f.heldRssMbPer1k(), 1e-9, "a negative growth stays negative");
    }

    @Test
    void noSessionHeldOrAnEmptyCellIsNotAvailable() throws Exception {
        Map<String, String> cells = pollRun();
        cells.put("sessions_opened", "0");
        assertTrue(Double.isNaN(CapacityFigures.of(cells).connectionsPer1k()), "nothing held: no ratio");

        cells.put("sessions_opened", "20");
        cells.put("busy_threads_max", "");
        cells.put("server_connections_max", "n/a");
        CapacityFigures f = CapacityFigures.of(cells);
        assertTrue(Double.isNaN(f.busyThreadsMaxPer1k()));
        assertTrue(Double.isNaN(f.connectionsPer1k()));
    }
}
