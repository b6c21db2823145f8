package org.tomcatpush.harness.client.report.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.ChartSpec.Kind;
import org.tomcatpush.harness.client.report.html.ChartSpec.XAxis;
import org.tomcatpush.harness.client.report.html.PercentileScale;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.LatencyDistribution.PercentilePoint;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;

/**
 * The charts of a run report, each built from the run's files alone. A chart whose inputs are
 * absent comes out empty and the page shows "no data" in its place.
 */
public final class RunCharts {

    private RunCharts() {
    }

    /** Delivery latency by percentile, one line per {@code latency.hlog} tag. */
    public static ChartSpec latencyPercentiles(RunData run) {
        ChartSpec.Builder chart = ChartSpec.builder("latency", Kind.LINE)
                .title("Delivery latency by percentile")
                .help("Latency from publish to receipt for every message, whole run. Read across to the "
                        + "percentile you size for (99% or 99.9%); a line that turns up sharply marks where queueing "
                        + "or reconnects start to show.")
                .xAxis(XAxis.PERCENTILE, "percentile")
                .yAxis("latency (ms)");
        for (LatencyDistribution d : run.latency()) {
            if (d.count() == 0) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            double previousX = 1;
            for (PercentilePoint p : d.points()) {
                previousX = PercentileScale.position(p.percentile(), d.count(), previousX);
                x.add(previousX);
                y.add(p.valueMs());
            }
            chart.series(new Series(d.tag(), x, y, false));
        }
        return chart.build();
    }

    /** Busy threads, executor queue, server connections and sessions on one time axis. */
    public static ChartSpec occupancy(RunData run) {
        ChartSpec.Builder chart = ChartSpec.builder("occupancy", Kind.LINE)
                .title("Threads, queue, connections and sessions over time")
                .help("Left axis: busy worker threads and requests waiting in the executor queue. Right axis: "
                        + "TCP connections the server holds and sessions the client holds. Threads pinned at "
                        + "maxThreads with a growing queue mean requests wait for a thread.")
                .xAxis(XAxis.LINEAR, "elapsed (s)")
                .yAxis("threads / queued requests")
                .rightYAxis("connections / sessions");
        addTimeSeries(chart, run.series(), TimeSeries.BUSY_THREADS, "busy threads", false);
        addTimeSeries(chart, run.series(), TimeSeries.QUEUE_LENGTH, "executor queue", false);
        addTimeSeries(chart, run.series(), TimeSeries.SERVER_CONNECTIONS, "server connections", true);
        addTimeSeries(chart, run.series(), TimeSeries.SESSIONS, "sessions", true);
        return chart.build();
    }

    /** Messages delivered and requests sent per second. */
    public static ChartSpec throughput(RunData run) {
        ChartSpec.Builder chart = ChartSpec.builder("throughput", Kind.LINE)
                .title("Messages and requests per second")
                .help("Messages the sessions received and HTTP requests they sent, per second. Polling shows "
                        + "requests at or above messages; streams (SSE, WebSocket) need a request only to open.")
                .xAxis(XAxis.LINEAR, "elapsed (s)")
                .yAxis("per second");
        addTimeSeries(chart, run.series(), TimeSeries.MESSAGES_PER_S, "messages/s", false);
        addTimeSeries(chart, run.series(), TimeSeries.REQUESTS_PER_S, "requests/s", false);
        return chart.build();
    }

    /** Reconnects and errors as recorded per row of {@code timeseries.csv}. */
    public static ChartSpec reconnectsOverTime(RunData run) {
        ChartSpec.Builder chart = ChartSpec.builder("reconnects-over-time", Kind.LINE)
                .title("Reconnects and errors over time")
                .help("Stream reconnects and errors per row of timeseries.csv. Regular spikes point at a "
                        + "timeout (sse-timeout, keep-alive limit); a steady climb points at failures.")
                .xAxis(XAxis.LINEAR, "elapsed (s)")
                .yAxis("count");
        addTimeSeries(chart, run.series(), TimeSeries.RECONNECTS, "reconnects", false);
        addTimeSeries(chart, run.series(), TimeSeries.ERRORS, "errors", false);
        return chart.build();
    }

    /** Mean requests per TCP connection per transport, beside the configured keep-alive limit. */
    public static ChartSpec requestsPerConnection(RunData run) {
        List<SummaryRow> rows = run.transportRows();
        ChartSpec.Builder chart = ChartSpec.builder("requests-per-connection", Kind.BAR)
                .title("Requests per connection")
                .help("How many HTTP requests one TCP connection carried on average. Tomcat closes a connection "
                        + "after maxKeepAliveRequests; near 1 means a new connection (and handshake) per request.")
                .xAxis(XAxis.CATEGORY, "transport")
                .yAxis("requests per connection")
                .categories(transports(rows))
                .series(Series.bars("mean requests per connection",
                        column(rows, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN)));
        double limit = run.runNumber(SummaryColumns.MAX_KEEP_ALIVE_REQUESTS).orElse(-1);
        if (limit > 0) {
            chart.series(Series.bars("maxKeepAliveRequests", rows.stream().map(r -> limit).toList()));
        }
        return chart.build();
    }

    /** Closed connections per transport, stacked by cause. */
    public static ChartSpec closesByCause(RunData run) {
        return breakdown(run, "closes", "Connection closes by cause", "closes", SummaryColumns.CLOSES_PREFIX, null,
                "Why each TCP connection ended. keepalive limit: the server's maxKeepAliveRequests; idle timeout: "
                        + "idle past keepAliveTimeout; client: the run ended; server other and error deserve a look.");
    }

    /** Stream reconnects per transport, stacked by cause. */
    public static ChartSpec reconnectsByCause(RunData run) {
        return breakdown(run, "reconnects", "Reconnects by cause", "reconnects", SummaryColumns.RECONNECTS_PREFIX,
                SummaryColumns.RECONNECTS,
                "Why SSE and WebSocket sessions had to open their stream again. stream ended: the server ended "
                        + "the response (sse-timeout); connection lost: the connection closed under the stream.");
    }

    /** Lost and duplicated messages per transport. */
    public static ChartSpec lostAndDuplicated(RunData run) {
        List<SummaryRow> rows = run.transportRows();
        return ChartSpec.builder("delivery", Kind.BAR)
                .title("Lost and duplicated messages")
                .help("Messages a session never received (a gap in its sequence) or received twice, counted "
                        + "across reconnects. Both should be 0; with Last-Event-ID resume SSE loses none.")
                .xAxis(XAxis.CATEGORY, "transport")
                .yAxis("messages")
                .categories(transports(rows))
                .series(Series.bars("lost", column(rows, SummaryColumns.MESSAGES_LOST)))
                .series(Series.bars("duplicated", column(rows, SummaryColumns.MESSAGES_DUPLICATED)))
                .build();
    }

    /**
     * A stacked bar chart of the {@code prefix} columns per transport; when the file has none of
     * them, the {@code totalColumn} alone (if given).
     */
    private static ChartSpec breakdown(RunData run, String id, String title, String yLabel, String prefix,
                                       String totalColumn, String help) {
        List<SummaryRow> rows = run.transportRows();
        ChartSpec.Builder chart = ChartSpec.builder(id, Kind.BAR).title(title).help(help).stacked()
                .xAxis(XAxis.CATEGORY, "transport").yAxis(yLabel).categories(transports(rows));
        Set<String> causes = new LinkedHashSet<>();
        rows.forEach(r -> causes.addAll(r.breakdown(prefix).keySet()));
        for (String cause : causes) {
            chart.series(Series.bars(cause.replace('_', ' '), column(rows, prefix + cause)));
        }
        if (causes.isEmpty() && totalColumn != null) {
            chart.series(Series.bars(yLabel, column(rows, totalColumn)));
        }
        return chart.build();
    }

    private static void addTimeSeries(ChartSpec.Builder chart, TimeSeries series, String column, String label,
                                      boolean rightAxis) {
        series.column(column).ifPresent(values ->
                chart.series(Series.line(label, series.elapsedSeconds(), values, rightAxis)));
    }

    private static List<String> transports(List<SummaryRow> rows) {
        return rows.stream().map(SummaryRow::transport).toList();
    }

    private static List<Double> column(List<SummaryRow> rows, String column) {
        return rows.stream().map(r -> r.numberOr(column, Double.NaN)).toList();
    }
}
