package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Metrics compare computes from a run's own columns, so that throughput and the share of
 * keep-alive closes can be compared like any column:
 * <ul>
 * <li>{@code messages_received_per_s}: messages received / measured duration (else the configured one);</li>
 * <li>{@code requests_per_s}: client requests / the same duration;</li>
 * <li>{@code closes_keepalive_limit_share}: keep-alive-limit closes / all closes (exact by design
 * when every connection but the last of a session reaches {@code maxKeepAliveRequests}).</li>
 * </ul>
 * A file that already has the column (a medians file) keeps its own value. Stateless.
 */
public final class DerivedMetrics {

    public static final String MESSAGES_PER_S = "messages_received_per_s";
    public static final String REQUESTS_PER_S = "requests_per_s";
    public static final String KEEPALIVE_SHARE = "closes_keepalive_limit_share";

    /** Every derived metric, in the order they are added. */
    public static final List<String> NAMES = List.of(MESSAGES_PER_S, REQUESTS_PER_S, KEEPALIVE_SHARE);

    private static final List<String> CLOSES = List.of("closes_keepalive_limit", "closes_idle_timeout",
            "closes_server_other", "closes_client", "closes_error");
    /** Close causes added later: counted when a file has them, so older files still get a share. */
    private static final List<String> LATER_CLOSES = List.of("closes_stale_connection");

    private DerivedMetrics() {
    }

    /** {@code table} with the derived columns added to every row that lacks them. */
    public static RunTable addTo(RunTable table) {
        Set<String> columns = new LinkedHashSet<>(table.columns());
        List<SummaryRow> rows = new ArrayList<>();
        for (SummaryRow row : table.rows()) {
            SummaryRow derived = row;
            derived = add(derived, MESSAGES_PER_S, perSecond(row, "messages_received"));
            derived = add(derived, REQUESTS_PER_S, perSecond(row, "requests"));
            derived = add(derived, KEEPALIVE_SHARE, keepAliveShare(row));
            rows.add(derived);
        }
        columns.addAll(NAMES);
        return new RunTable(table.label(), List.copyOf(columns), rows);
    }

    private static SummaryRow add(SummaryRow row, String column, double value) {
        return row.has(column) ? row : row.with(column, Figures.cell(value));
    }

    private static double perSecond(SummaryRow row, String count) {
        if (!row.has(count)) {
            return Double.NaN;
        }
        double seconds = row.has("measured_duration_s") ? row.figure("measured_duration_s") : Double.NaN;
        if (!(seconds > 0) && row.has("duration_s")) {
            seconds = row.figure("duration_s");
        }
        return seconds > 0 ? row.figure(count) / seconds : Double.NaN;
    }

    private static double keepAliveShare(SummaryRow row) {
        double total = 0;
        for (String column : CLOSES) {
            if (!row.has(column)) {
                return Double.NaN;
            }
            total += row.figure(column);
        }
        for (String column : LATER_CLOSES) {
            if (row.has(column)) {
                total += row.figure(column);
            }
        }
        return total > 0 ? row.figure("closes_keepalive_limit") / total : Double.NaN;
    }
}
