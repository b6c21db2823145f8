package org.tomcatpush.harness.client.report.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;

/** Charts over time that read: limit lines beside busy threads and connections, latency on log axes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimeChartsTest {

    private static RunData run(String virtualThreads) {
        Map<String, String> cells = new LinkedHashMap<>(Map.of("transport", "sse", "max_threads", "8",
                "max_connections", "50", "accept_count", "10", "virtual_threads", virtualThreads));
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put(TimeSeries.ELAPSED_S, new double[] {1, 2, 3});
        columns.put(TimeSeries.BUSY_THREADS, new double[] {2, 8, 8});
        columns.put(TimeSeries.SERVER_CONNECTIONS, new double[] {10, 40, 50});
        columns.put(TimeSeries.LATENCY_P99_MS, new double[] {Double.NaN, 3.5, 250});
        columns.put(TimeSeries.RECONNECTS, new double[] {0, 0, 0});
        return new RunData(Path.of("runs", "test"), RunInfo.empty(), List.of(new SummaryRow(cells)),
                new TimeSeries(columns), List.of(), TimeSeries.empty());
    }

    private static Series named(ChartSpec chart, String label) {
        return chart.series().stream().filter(s -> s.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + chart.series()));
    }

    @Test
    void busyThreadsHaveTheMaxThreadsLine() {
        ChartSpec threads = TimeCharts.threads(run("false"));

        Series limit = named(threads, "maxThreads 8");
        assertTrue(limit.limit());
        assertEquals(List.of(8.0, 8.0, 8.0), limit.y());
        assertFalse(named(threads, "busy threads").limit());
    }

    @Test
    void withVirtualThreadsThereIsNoMaxThreadsLine() {
        ChartSpec threads = TimeCharts.threads(run("true"));

        assertTrue(threads.series().stream().noneMatch(Series::limit), threads.series().toString());
    }

    @Test
    void connectionsHaveMaxConnectionsAndTheBacklogLineOnALogAxis() {
        ChartSpec connections = TimeCharts.connections(run("false"));

        assertTrue(connections.logY());
        assertEquals(List.of(50.0, 50.0, 50.0), named(connections, "maxConnections 50").y());
        assertEquals(List.of(60.0, 60.0, 60.0), named(connections, "maxConnections + acceptCount 60").y());
    }

    @Test
    void latencyOverTimeIsOnALogAxis() {
        assertTrue(TimeCharts.latency(run("false")).logY());
    }

    @Test
    void onlyZerosIsNothingToShowAndSaysSoInOneLine() {
        ChartSpec failures = TimeCharts.failures(run("false"));

        assertFalse(failures.hasData());
        assertEquals("no reconnects, connect failures or errors", failures.emptyText());
    }
}
