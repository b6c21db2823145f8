package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;

import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/** The thread-occupancy figures E3 and E4 both show, one row per transport and handler. Stateless. */
final class ThreadTable {

    /** The transports that hold a request open while waiting. */
    static final String[] LONG_LIVED = {"long-poll", "sse", "ws"};

    private ThreadTable() {
    }

    static MeasuredTable of(List<SummaryRow> rows) {
        MeasuredTable.Builder table = new MeasuredTable.Builder("transport", "handler", "sessions", "maxThreads",
                "sessions open max", "server connections max", "busy threads mean", "busy threads max",
                "queue max", "latency p50 ms", "latency p99 ms");
        for (SummaryRow r : rows) {
            table.row(r.transport(), r.text(SummaryColumns.HANDLER).orElse("n/a"), fmt(r, SummaryColumns.SESSIONS),
                    fmt(r, SummaryColumns.MAX_THREADS), fmt(r, "sessions_open_max"),
                    fmt(r, SummaryColumns.SERVER_CONNECTIONS_MAX), fmt(r, SummaryColumns.BUSY_THREADS_MEAN),
                    fmt(r, SummaryColumns.BUSY_THREADS_MAX), fmt(r, SummaryColumns.QUEUE_LENGTH_MAX),
                    fmt(r, SummaryColumns.LATENCY_P50_MS), fmt(r, SummaryColumns.LATENCY_P99_MS));
        }
        return table.build();
    }

    static boolean handler(SummaryRow row, String handler) {
        return row.text(SummaryColumns.HANDLER).map(handler::equals).orElse(false);
    }
}
