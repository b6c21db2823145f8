package org.tomcatpush.harness.client.judge;

import java.util.LinkedHashMap;
import java.util.Map;

import org.tomcatpush.harness.client.report.model.SummaryRow;

/** Summary rows for the judgement tests: E1's short-poll run, and the same row with one cell changed or gone. */
final class Rows {

    private Rows() {
    }

    /** E1's short-poll run at maxKeepAliveRequests 5 (fixture e1.csv, run 1), with the thread figures of E4's blocking SSE run. */
    static Map<String, String> atTheLimit() {
        Map<String, String> cells = new LinkedHashMap<>();
        String[] pairs = {"run_index", "1", "status", "completed", "transport", "short-poll", "handler", "blocking",
            "sessions", "20", "max_keep_alive_requests", "5", "requests", "2828", "connections_opened", "574",
            "requests_per_connection_mean", "4.93", "requests_per_connection_max", "5", "closes_keepalive_limit", "556",
            "closes_idle_timeout", "0", "closes_server_other", "0", "closes_error", "0", "closes_client", "18",
            "server_closed_keepalive_limit", "556", "max_threads", "8", "busy_threads_max", "8",
            "busy_threads_mean", "7.5", "queue_length_max", "12", "server_connections_max", "20",
            "messages_received", "400", "messages_lost", "0", "messages_duplicated", "0", "messages_published", "20"};
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put(pairs[i], pairs[i + 1]);
        }
        return cells;
    }

    /** {@link #atTheLimit()} with {@code column} set to {@code value}, or removed when {@code value} is null. */
    static SummaryRow with(String column, String value) {
        Map<String, String> cells = atTheLimit();
        if (value == null) {
            cells.remove(column);
        } else {
            cells.put(column, value);
        }
        return new SummaryRow(cells);
    }

    static SummaryRow row() {
        return new SummaryRow(atTheLimit());
    }
}
