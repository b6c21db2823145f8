package org.tomcatpush.harness.client.report.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.ChartSpec.Kind;
import org.tomcatpush.harness.client.report.html.ChartSpec.XAxis;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/** Bar charts with one group per transport, from {@code summary.csv}. */
public final class TransportCharts {

    private TransportCharts() {
    }

    /** Mean requests per TCP connection per transport, beside the configured keep-alive limit. */
    public static ChartSpec requestsPerConnection(RunData run) {
        List<SummaryRow> rows = run.transportRows();
        ChartSpec.Builder chart = barChart("requests-per-connection", "Requests per connection", rows,
                "How many HTTP requests one TCP connection carried. Tomcat closes a connection after "
                        + "maxKeepAliveRequests; near 1 means a new connection (and handshake) for every request.")
                .yAxis("requests per connection")
                .whenEmpty("no request was sent")
                .series(Series.bars("mean", column(rows, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN)));
        if (rows.stream().anyMatch(r -> r.number(SummaryColumns.REQUESTS_PER_CONNECTION_MAX).isPresent())) {
            chart.series(Series.bars("max", column(rows, SummaryColumns.REQUESTS_PER_CONNECTION_MAX)));
        }
        double limit = run.runNumber(SummaryColumns.MAX_KEEP_ALIVE_REQUESTS).orElse(-1);
        if (limit > 0) {
            chart.series(Series.bars("maxKeepAliveRequests", rows.stream().map(r -> limit).toList()));
        }
        return chart.build();
    }

    /** Closed connections per transport, stacked by cause. */
    public static ChartSpec closesByCause(RunData run) {
        return stackedByCause(run, "closes", "Connection closes by cause", "no connection closed", "closes",
                SummaryColumns.CLOSES_PREFIX, null,
                "Why each TCP connection ended. keepalive limit: after maxKeepAliveRequests; idle timeout: idle "
                        + "past keepAliveTimeout; client: the run ended; server other and error deserve a look.");
    }

    /** Stream reconnects per transport, stacked by cause. */
    public static ChartSpec reconnectsByCause(RunData run) {
        return stackedByCause(run, "reconnects", "Reconnects by cause", "no reconnects", "reconnects",
                SummaryColumns.RECONNECTS_PREFIX, SummaryColumns.RECONNECTS,
                "Reconnections made: stream requests SSE and WebSocket sessions sent to open their stream again, by "
                        + "why the stream before ended. stream ended: the server ended the response (sse-timeout); "
                        + "connection lost: the connection closed under the stream; error: the attempt before failed.");
    }

    /** Lost and duplicated messages per transport. */
    public static ChartSpec lostAndDuplicated(RunData run) {
        List<SummaryRow> rows = run.transportRows();
        return barChart("delivery", "Lost and duplicated messages", rows,
                "Messages a session never received (a gap in its sequence) or received twice, counted across "
                        + "reconnects. Both should be 0; SSE resuming with Last-Event-ID loses none.")
                .yAxis("messages")
                .whenEmpty("no message lost or duplicated")
                .series(Series.bars("lost", column(rows, SummaryColumns.MESSAGES_LOST)))
                .series(Series.bars("duplicated", column(rows, SummaryColumns.MESSAGES_DUPLICATED)))
                .build();
    }

    /**
     * A stacked bar chart of the {@code prefix} columns per transport; when the file has none of
     * them, the {@code totalColumn} alone (if given).
     */
    private static ChartSpec stackedByCause(RunData run, String id, String title, String emptyText, String yLabel,
                                            String prefix, String totalColumn, String help) {
        List<SummaryRow> rows = run.transportRows();
        ChartSpec.Builder chart = barChart(id, title, rows, help).stacked().yAxis(yLabel).whenEmpty(emptyText);
        Set<String> causes = new LinkedHashSet<>();
        rows.forEach(r -> causes.addAll(r.breakdown(prefix).keySet()));
        // a part of closes_server_other, not a cause of its own
        causes.remove(SummaryColumns.CLOSES_SERVER_UNEXPLAINED.substring(prefix.length()));
        for (String cause : causes) {
            chart.series(Series.bars(cause.replace('_', ' '), column(rows, prefix + cause)));
        }
        if (causes.isEmpty() && totalColumn != null) {
            chart.series(Series.bars(yLabel, column(rows, totalColumn)));
        }
        return chart.build();
    }

    private static ChartSpec.Builder barChart(String id, String title, List<SummaryRow> rows, String help) {
        return ChartSpec.builder(id, Kind.BAR).title(title).help(help).xAxis(XAxis.CATEGORY, "transport")
                .categories(rows.stream().map(SummaryRow::transport).toList());
    }

    private static List<Double> column(List<SummaryRow> rows, String column) {
        return rows.stream().map(r -> r.numberOr(column, Double.NaN)).toList();
    }
}
