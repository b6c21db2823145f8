package org.tomcatpush.harness.client.report.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.sweep.BrowserCheck;

/**
 * The sweep report: one chart per key metric with the first non-transport swept key on x and one
 * series per transport (and per value of the other swept keys), completed runs only; failures
 * listed; a runs table linking every run's report; values escaped; and the page renders in a
 * headless browser.
 */
@Timeout(300)
class SweepReportTest {

    @TempDir
    Path dir;

    /** The fixture sweep folder: transport [sse, ws] x max-threads [50, 200], the last run failed. */
    private Path fixture() throws Exception {
        Path sweep = dir.resolve("20260101-120000-sweep-fixture");
        Files.createDirectories(sweep);
        for (String name : List.of("sweep.csv", "scenario.yaml")) {
            try (InputStream in = getClass().getResourceAsStream("/sweep/report/" + name)) {
                Files.copy(in, sweep.resolve(name));
            }
        }
        return sweep;
    }

    @Test
    void numericAxisGivesOneLinePerTransportFromCompletedRunsOnly() throws Exception {
        SweepTable sweep = SweepTable.read(fixture().resolve("sweep.csv"));
        SweepCharts charts = new SweepCharts(sweep);

        ChartSpec busy = charts.chart(SweepMetric.BUSY_THREADS_MAX);

        assertEquals(List.of("transport", "max-threads"), sweep.sweptKeys());
        assertEquals(ChartSpec.Kind.LINE, busy.kind());
        assertEquals(ChartSpec.XAxis.LINEAR, busy.xAxis());
        assertEquals("max-threads", busy.xLabel());
        assertEquals(List.of("sse", "ws"), busy.series().stream().map(Series::label).toList());
        assertEquals(List.of(50.0, 200.0), busy.series().get(0).x());
        assertEquals(List.of(2.0, 3.0), busy.series().get(0).y());
        assertEquals(List.of(50.0), busy.series().get(1).x(), "the failed ws run at 200 is left out");
        assertEquals(List.of(1.0), busy.series().get(1).y());
    }

    @Test
    void everyKeyMetricHasItsChart() throws Exception {
        SweepCharts charts = new SweepCharts(SweepTable.read(fixture().resolve("sweep.csv")));

        List<String> ids = new ArrayList<>();
        for (SweepMetric m : SweepMetric.values()) {
            ids.add(charts.chart(m).id());
        }

        assertEquals(List.of("sweep-busy-threads-max", "sweep-busy-threads-mean", "sweep-queue-length-max",
                "sweep-server-connections-max", "sweep-connections-opened", "sweep-requests-per-connection-mean",
                "sweep-reconnects", "sweep-requests-per-message", "sweep-bytes-per-message", "sweep-latency-p50-ms",
                "sweep-latency-p99-ms", "sweep-messages-lost"), ids);
    }

    @Test
    void otherSweptKeysSplitTheSeriesAsTransportSlashValue() {
        SweepTable sweep = table(List.of("transport", "max-threads", "handler", "sessions"),
                row(1, "sse", "50", "blocking", "10", "sse", "4"),
                row(2, "sse", "200", "blocking", "10", "sse", "9"));
        SweepCharts charts = new SweepCharts(sweep);

        assertEquals("sse / blocking / sessions=10", charts.seriesLabel(sweep.rows().get(0)));
        assertEquals(List.of(50.0, 200.0), charts.chart(SweepMetric.BUSY_THREADS_MAX).series().get(0).x());
    }

    @Test
    void nonNumericAxisGivesGroupedBarsAndDurationsGoInMilliseconds() {
        SweepTable byHandler = table(List.of("handler", "transport"),
                row(1, "async", "sse", "sse", "1"), row(2, "async", "ws", "ws", "2"),
                row(3, "blocking", "sse", "sse", "8"), row(4, "blocking", "ws", "ws", "8"));
        ChartSpec bars = new SweepCharts(byHandler).chart(SweepMetric.BUSY_THREADS_MAX);
        assertEquals(ChartSpec.Kind.BAR, bars.kind());
        assertEquals(List.of("async", "blocking"), bars.categories());
        assertEquals(List.of(1.0, 8.0), bars.series().get(0).y());
        assertEquals(List.of(2.0, 8.0), bars.series().get(1).y());

        SweepTable byInterval = table(List.of("poll-interval"),
                row(1, "500ms", "short-poll", "1"), row(2, "2s", "short-poll", "1"));
        ChartSpec lines = new SweepCharts(byInterval).chart(SweepMetric.BUSY_THREADS_MAX);
        assertEquals(ChartSpec.Kind.LINE, lines.kind());
        assertEquals("poll-interval (ms)", lines.xLabel());
        assertEquals(List.of(500.0, 2000.0), lines.series().get(0).x());

        SweepTable byKeepAlive = table(List.of("keep-alive-timeout"),
                row(1, "500", "short-poll", "1"), row(2, "1.5s", "short-poll", "1"));
        ChartSpec serverTimes = new SweepCharts(byKeepAlive).chart(SweepMetric.BUSY_THREADS_MAX);
        assertEquals("keep-alive-timeout (ms)", serverTimes.xLabel());
        assertEquals(List.of(500.0, 1500.0), serverTimes.series().get(0).x(), "a server time in ms or with a unit");
    }

    @Test
    void onlyTransportSweptGivesOneBarPerTransportAndMixesNameTheirMix() {
        SweepTable sweep = table(List.of("transport"),
                row(1, "sse", "sse", "3"), row(2, "sse=1,ws=1", "sse", ""), row(2, "sse=1,ws=1", "ws", ""),
                row(2, "sse=1,ws=1", "all", "5"));

        ChartSpec chart = new SweepCharts(sweep).chart(SweepMetric.BUSY_THREADS_MAX);

        assertEquals(ChartSpec.Kind.BAR, chart.kind());
        assertEquals(List.of("sse", "sse in sse=1,ws=1", "ws in sse=1,ws=1", "all in sse=1,ws=1"), chart.categories());
        assertEquals(3.0, chart.series().get(0).y().get(0));
        assertTrue(chart.series().get(0).y().get(1).isNaN(), "server-wide figures only in the all row");
        assertEquals(5.0, chart.series().get(0).y().get(3));
    }

    @Test
    void reportListsFailuresEscapedAndLinksEveryRunsReport() throws Exception {
        Path sweep = fixture();

        Path html = SweepReport.write(sweep);

        String page = Files.readString(html);
        assertTrue(page.contains("<title>Sweep 20260101-120000-sweep-fixture</title>"), "title from the folder");
        assertTrue(page.contains("4 runs, 3 completed, 1 not completed; swept: transport x max-threads"));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "failure text escaped");
        assertFalse(page.contains("<script>alert(1)</script>"));
        assertTrue(page.contains("<a href=\"20260101-120040-2-sse-200/report.html\">"), "links the run's report");
        assertTrue(page.contains("# fixture: two transports against two thread counts"), "shows the scenario file");
        for (SweepMetric m : SweepMetric.values()) {
            String id = "sweep-" + m.column().replace('_', '-');
            // drawn, or (every run's value 0, as the fixture's queue) one line of text instead of bare axes
            assertTrue(page.contains("id=\"chart-" + id + "\"") || page.contains("id=\"figure-" + id
                    + "\"><p class=\"empty\">"), m.name());
        }
        assertTrue(page.contains("id=\"figure-sweep-queue-length-max\"><p class=\"empty\">"), "all zeros: one line");
    }

    @Test
    void missingSweepCsvIsAClearError() {
        ResultsInputException e = assertThrows(ResultsInputException.class, () -> SweepReport.write(dir));

        assertEquals(dir.resolve("sweep.csv") + ": is missing; "
                + ResultsInputException.FIX_MISSING, e.getMessage());
    }

    @Test
    void sweepReportRendersEveryChartInHeadlessChromium() throws Exception {
        Assumptions.assumeTrue(BrowserCheck.available(), "browser check skipped: /usr/bin/chromium not installed");
        Path sweep = fixture();
        SweepReport.write(sweep);

        BrowserCheck.Result result = BrowserCheck.check(dir, sweep.resolve("report.html"));

        assertEquals(0, result.exitStatus(), result.output());
        assertTrue(result.output().contains("report.html: ok charts=9/9"), result.output());
    }

    /** A sweep table over {@code keys}; each row: index, the swept values, transport, busy_threads_max. */
    @SafeVarargs
    private static SweepTable table(List<String> keys, List<String>... rows) {
        List<SummaryRow> summaryRows = new ArrayList<>();
        for (List<String> r : rows) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("run_index", r.get(0));
            for (int k = 0; k < keys.size(); k++) {
                cells.put("swept." + keys.get(k), r.get(1 + k));
            }
            cells.put("status", "completed");
            cells.put("transport", r.get(1 + keys.size()));
            cells.put("busy_threads_max", r.get(2 + keys.size()));
            summaryRows.add(new SummaryRow(cells));
        }
        return new SweepTable(Path.of("sweep.csv"), keys, summaryRows);
    }

    private static List<String> row(Object... cells) {
        return java.util.Arrays.stream(cells).map(String::valueOf).toList();
    }
}
