package org.tomcatpush.harness.client.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.results.ServerCpu;
import org.tomcatpush.harness.client.results.TimeseriesRow;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.serverstats.ServerStats;

/**
 * The server's CPU time per second of {@code timeseries.csv}: the difference of the server's own
 * readings, from the one taken when the clock starts; a second whose reading failed is empty and
 * the next one carries its time, so the seconds add up to {@code server_cpu_s}.
 */
class RunMonitorServerCpuTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A reading of a server that does not report its CPU time (older, or Tomcat's MBeans). */
    private static final long NOT_REPORTED = Long.MIN_VALUE;

    /** Stats that report only the server's CPU time; {@code null} stands for a failed request. */
    private static ServerStats cpuAt(Long ms) {
        if (ms == null) {
            return null;
        }
        return ServerStats.from(ms == NOT_REPORTED ? JSON.createObjectNode()
                : JSON.createObjectNode().set("process", JSON.createObjectNode().put("cpuNanos", ms * 1_000_000)));
    }

    /** The rows of a run whose server answers {@code readingsMs}: the first when the clock starts, then one a second. */
    private List<TimeseriesRow> rows(Long... readingsMs) throws Exception {
        Deque<Long> readings = new ArrayDeque<>();
        for (Long ms : readingsMs) {
            readings.add(ms == null ? Long.valueOf(-1) : ms);
        }
        RunRecorder recorder = new RunRecorder(TransportMix.of(Transport.SSE));
        RunMonitor.StatsSource source = () -> {
            long next = readings.remove();
            return cpuAt(next == -1 ? null : next);
        };
        try (LatencyLog log = LatencyLog.open(dir.resolve("latency.hlog"), recorder, System.currentTimeMillis())) {
            RunMonitor monitor = new RunMonitor(recorder, new NoLoad(), source, log, 1, readingsMs.length - 1,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            monitor.clockStarted(System.nanoTime());
            for (long second = 1; second < readingsMs.length; second++) {
                monitor.tick(second);
            }
            assertTrue(readings.isEmpty(), "one reading at the start and one a second");
            return monitor.rows();
        }
    }

    private static List<Double> serverCpuMs(List<TimeseriesRow> rows) {
        return rows.stream().map(TimeseriesRow::serverCpuMs).toList();
    }

    @Test
    void everySecondIsTheServersCpuTimeSinceTheReadingBefore() throws Exception {
        List<TimeseriesRow> rows = rows(1000L, 1250L, 1600L, 1600L);
        assertEquals(List.of(250.0, 350.0, 0.0), serverCpuMs(rows));
        assertEquals(0.6, ServerCpu.seconds(rows), 1e-9);
    }

    @Test
    void aFailedSecondIsEmptyAndTheNextCarriesItsTime() throws Exception {
        List<TimeseriesRow> rows = rows(1000L, 1250L, null, 1750L, 2000L);
        assertEquals(List.of(250.0, Double.NaN, 500.0, 250.0), serverCpuMs(rows));
        assertEquals(1.0, ServerCpu.seconds(rows), 1e-9, "the seconds add up to the time from first to last reading");
    }

    @Test
    void aServerThatDoesNotReportItLeavesEverySecondAndTheTotalUnknown() throws Exception {
        List<TimeseriesRow> rows = rows(NOT_REPORTED, NOT_REPORTED, NOT_REPORTED);
        assertEquals(List.of(Double.NaN, Double.NaN), serverCpuMs(rows));
        assertTrue(Double.isNaN(ServerCpu.seconds(rows)));
    }

    @Test
    void perMessageIsTheCpuTimeOverTheDeliveriesAndUnknownWithoutEither() {
        assertEquals(40.0, ServerCpu.microsPerMessage(2.0, 50_000), 1e-9);
        assertTrue(Double.isNaN(ServerCpu.microsPerMessage(2.0, 0)));
        assertTrue(Double.isNaN(ServerCpu.microsPerMessage(Double.NaN, 50_000)));
    }

    /** A load that opens nothing: the monitor only needs its session count. */
    private static final class NoLoad implements Load {
        @Override
        public void start() {
        }

        @Override
        public int openSessions() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
