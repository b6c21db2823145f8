package org.tomcatpush.harness.client.report.run;

import java.util.Optional;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.ChartSpec.Kind;
import org.tomcatpush.harness.client.report.html.ChartSpec.XAxis;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Charts over the run's time, all on the same x axis (seconds since the load started) so they
 * can be read one above the other.
 */
public final class TimeCharts {

    private static final String ELAPSED = "elapsed (s)";

    private TimeCharts() {
    }

    /** Busy worker threads and the executor queue, beside the {@code maxThreads} line. */
    public static ChartSpec threads(RunData run) {
        ChartSpec.Builder chart = timeChart("threads", "Busy worker threads and executor queue",
                "Busy worker threads and requests waiting in the executor queue, per second. Threads pinned at "
                        + "the maxThreads line with a growing queue mean requests wait for a thread.")
                .yAxis("threads / queued requests")
                .whenEmpty("no busy thread and no queued request was sampled");
        TimeSeries s = run.series();
        add(chart, s, TimeSeries.BUSY_THREADS, "busy threads", false);
        add(chart, s, TimeSeries.QUEUE_LENGTH, "executor queue", false);
        boolean virtualThreads = run.runRow().text(SummaryColumns.VIRTUAL_THREADS)
                .filter("true"::equalsIgnoreCase).isPresent();
        OptionalDouble maxThreads = run.runNumber(SummaryColumns.MAX_THREADS);
        if (!virtualThreads && maxThreads.isPresent() && maxThreads.getAsDouble() > 0) {
            limit(chart, s, "maxThreads " + Figures.display(maxThreads), maxThreads.getAsDouble(), false);
        }
        return chart.build();
    }

    /**
     * TCP connections the server and the client hold and open sessions, beside the
     * {@code maxConnections} and {@code maxConnections + acceptCount} lines, on a log axis so that
     * a few dozen connections stay readable under a limit of thousands.
     */
    public static ChartSpec connections(RunData run) {
        ChartSpec.Builder chart = timeChart("connections", "Connections and sessions",
                "TCP connections the server's connector and the client hold, and open sessions, per second (log "
                        + "axis). Past maxConnections the server stops accepting; past maxConnections + acceptCount "
                        + "the operating system refuses connections.")
                .yAxis("connections / sessions (log)").logY()
                .whenEmpty("no connection and no session was open");
        TimeSeries s = run.series();
        add(chart, s, TimeSeries.SERVER_CONNECTIONS, "server connections", false);
        add(chart, s, TimeSeries.CLIENT_CONNECTIONS, "client connections", false);
        add(chart, s, TimeSeries.SESSIONS, "sessions", false);
        OptionalDouble maxConnections = run.runNumber(SummaryColumns.MAX_CONNECTIONS);
        if (maxConnections.isPresent() && maxConnections.getAsDouble() > 0) {
            double limit = maxConnections.getAsDouble();
            limit(chart, s, "maxConnections " + Figures.display(limit), limit, false);
            OptionalDouble acceptCount = run.runNumber(SummaryColumns.ACCEPT_COUNT);
            if (acceptCount.isPresent() && acceptCount.getAsDouble() > 0) {
                limit(chart, s, "maxConnections + acceptCount " + Figures.display(limit + acceptCount.getAsDouble()),
                        limit + acceptCount.getAsDouble(), false);
            }
        }
        return chart.build();
    }

    /** Messages delivered and requests sent per second, all transports. */
    public static ChartSpec throughput(RunData run) {
        ChartSpec.Builder chart = timeChart("throughput", "Messages and requests per second",
                "Messages the sessions received and HTTP requests they sent, per second. Polling needs a request "
                        + "for every answer; SSE and WebSocket need one only to open a stream.")
                .yAxis("per second")
                .whenEmpty("no message received and no request sent");
        add(chart, run.series(), TimeSeries.MESSAGES_PER_S, "messages/s", false);
        add(chart, run.series(), TimeSeries.REQUESTS_PER_S, "requests/s", false);
        return chart.build();
    }

    /** Messages and requests per second of each transport of a mix; empty for a single transport. */
    public static Optional<ChartSpec> throughputByTransport(RunData run) {
        ChartSpec.Builder chart = timeChart("throughput-by-transport", "Messages and requests per second by transport",
                "The mix split by transport: messages received and requests sent per second by each "
                        + "transport's sessions.")
                .yAxis("per second");
        boolean any = false;
        for (SummaryRow row : run.transportRows()) {
            any |= add(chart, run.series(), TimeSeries.perTransport(row.transport(), TimeSeries.MESSAGES_PER_S),
                    row.transport() + " messages/s", false);
            any |= add(chart, run.series(), TimeSeries.perTransport(row.transport(), TimeSeries.REQUESTS_PER_S),
                    row.transport() + " requests/s", false);
        }
        return any ? Optional.of(chart.build()) : Optional.empty();
    }

    /** p99 delivery latency of the messages received in each second. */
    public static ChartSpec latency(RunData run) {
        ChartSpec.Builder chart = timeChart("latency-over-time", "p99 delivery latency per second",
                "The 99th percentile latency of the messages received in each second. A rising line while "
                        + "threads or connections sit at their limit is the cost of queueing.")
                .yAxis("milliseconds (log)").logY()
                .whenEmpty("no latency recorded per second");
        add(chart, run.series(), TimeSeries.LATENCY_P99_MS, "p99 latency", false);
        return chart.build();
    }

    /** Reconnects, failed connects and errors per second. */
    public static ChartSpec failures(RunData run) {
        ChartSpec.Builder chart = timeChart("reconnects-over-time", "Reconnects, connect failures and errors",
                "Counted per second. Regular spikes point at a timeout (sse-timeout, the keep-alive limit); a "
                        + "steady climb of errors or failed connects points at a limit such as maxConnections.")
                .yAxis("per second")
                .whenEmpty("no reconnects, connect failures or errors");
        add(chart, run.series(), TimeSeries.RECONNECTS, "reconnects", false);
        add(chart, run.series(), TimeSeries.CONNECT_FAILURES, "connect failures", false);
        add(chart, run.series(), TimeSeries.ERRORS, "errors", false);
        return chart.build();
    }

    /** The server's own probe at its sample interval; empty when the run folder has no samples. */
    public static Optional<ChartSpec> serverSamples(RunData run) {
        TimeSeries s = run.serverSamples();
        if (s.rows() == 0) {
            return Optional.empty();
        }
        ChartSpec.Builder chart = timeChart("server-samples", "Server probe samples",
                "What the server's sampler saw at --sample-interval, finer than one second: busy threads and "
                        + "queue (left), connections, async requests in flight and WebSocket sessions (right).")
                .yAxis("threads / queued requests")
                .rightYAxis("connections / in flight / sessions");
        add(chart, s, TimeSeries.BUSY_THREADS, "busy threads", false);
        add(chart, s, TimeSeries.QUEUE_LENGTH, "executor queue", false);
        add(chart, s, TimeSeries.SAMPLE_CONNECTIONS, "connections", true);
        add(chart, s, TimeSeries.SAMPLE_ASYNC_IN_FLIGHT, "async in flight", true);
        add(chart, s, TimeSeries.SAMPLE_WS_SESSIONS, "WebSocket sessions", true);
        return Optional.of(chart.build());
    }

    private static ChartSpec.Builder timeChart(String id, String title, String help) {
        return ChartSpec.builder(id, Kind.LINE).title(title).help(help).xAxis(XAxis.LINEAR, ELAPSED);
    }

    /** Adds a limit line over the series' seconds (nothing when the series has no rows). */
    private static void limit(ChartSpec.Builder chart, TimeSeries series, String label, double value,
                              boolean rightAxis) {
        if (series.rows() > 0) {
            chart.series(Series.limitLine(label, series.elapsedSeconds(), value, rightAxis));
        }
    }

    /** Adds the column as a series when the file has it; says whether it did. */
    private static boolean add(ChartSpec.Builder chart, TimeSeries series, String column, String label,
                               boolean rightAxis) {
        return series.column(column).map(values -> {
            chart.series(Series.line(label, series.elapsedSeconds(), values, rightAxis));
            return true;
        }).orElse(false);
    }
}
