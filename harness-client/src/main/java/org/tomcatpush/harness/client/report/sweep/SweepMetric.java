package org.tomcatpush.harness.client.report.sweep;

import org.tomcatpush.harness.client.report.model.SummaryColumns;

/**
 * The figures a sweep report charts against the swept axis, each read from one
 * {@code summary.csv} column of every completed run, grouped by the question they answer.
 */
public enum SweepMetric {

    BUSY_THREADS_MAX(Group.THREADS, SummaryColumns.BUSY_THREADS_MAX, "Busy worker threads, peak", "threads",
            "Most executor threads busy at once (server samples). At maxThreads: requests queued (E4). With async"
                    + " handlers it shows the short bursts in which a message is written to every session; the mean"
                    + " shows what idle sessions hold (E3)."),
    BUSY_THREADS_MEAN(Group.THREADS, SummaryColumns.BUSY_THREADS_MEAN, "Busy worker threads, mean", "threads",
            "Mean busy executor threads over the run: the thread cost of keeping the sessions served. Near 0 with"
                    + " async handlers however many sessions are open (E3); one per open stream when blocking (E4)."),
    QUEUE_LENGTH_MAX(Group.THREADS, SummaryColumns.QUEUE_LENGTH_MAX, "Executor queue, peak", "requests",
            "Most requests waiting for a worker thread at once. Above 0 means threads were the bottleneck."),
    SERVER_CONNECTIONS_MAX(Group.CONNECTIONS, SummaryColumns.SERVER_CONNECTIONS_MAX, "Server connections, peak",
            "connections", "Most TCP connections the connector held at once, counted against maxConnections."),
    CONNECTIONS_OPENED(Group.CONNECTIONS, SummaryColumns.CONNECTIONS_OPENED, "Connections opened", "connections",
            "TCP connections the client opened over the run. Far above the sessions: connections were closed under"
                    + " them (keep-alive limit, idle timeout) and reopened."),
    REQUESTS_PER_CONNECTION(Group.CONNECTIONS, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN,
            "Requests per connection, mean", "requests",
            "HTTP requests one TCP connection carried. Capped by maxKeepAliveRequests (E1, E2); 1 means a new"
                    + " connection for every request (E7)."),
    RECONNECTS(Group.CONNECTIONS, SummaryColumns.RECONNECTS, "Reconnects", "reconnects",
            "Stream requests SSE and WebSocket sessions sent to open their stream again (after server-ended"
                    + " streams, lost connections, failed attempts); a session's first request is not one."),
    REQUESTS_PER_MESSAGE(Group.COST, SummaryColumns.REQUESTS_PER_MESSAGE, "Requests per delivered message",
            "requests", "HTTP requests sent per message received. Polling pays about one per message or per interval;"
                    + " SSE and WebSocket far below 1 (E8)."),
    BYTES_PER_MESSAGE(Group.COST, SummaryColumns.BYTES_PER_MESSAGE, "Bytes per delivered message", "bytes",
            "Bytes on the wire (both directions) per message received: headers of every request and response"
                    + " count, so empty polls make this large (E8)."),
    LATENCY_P50(Group.DELIVERY, SummaryColumns.LATENCY_P50_MS, "Delivery latency p50", "ms",
            "Median time from the intended publish time to receipt. Short polling adds about half its poll interval."),
    LATENCY_P99(Group.DELIVERY, SummaryColumns.LATENCY_P99_MS, "Delivery latency p99", "ms",
            "99th percentile from the intended publish time to receipt: queueing behind busy threads and"
                    + " reconnect gaps show here."),
    MESSAGES_LOST(Group.DELIVERY, SummaryColumns.MESSAGES_LOST, "Messages lost", "messages",
            "Messages a session never received, across reconnects. Should be 0 (SSE resumes with Last-Event-ID).");

    /** The report section a metric belongs to. */
    public enum Group {
        THREADS("threads", "Threads"),
        CONNECTIONS("connections", "Connections and requests"),
        COST("cost", "Cost per message"),
        DELIVERY("delivery", "Delivery");

        private final String id;
        private final String heading;

        Group(String id, String heading) {
            this.id = id;
            this.heading = heading;
        }

        public String id() {
            return id;
        }

        public String heading() {
            return heading;
        }
    }

    private final Group group;
    private final String column;
    private final String title;
    private final String unit;
    private final String help;

    SweepMetric(Group group, String column, String title, String unit, String help) {
        this.group = group;
        this.column = column;
        this.title = title;
        this.unit = unit;
        this.help = help;
    }

    public Group group() {
        return group;
    }

    /** The {@code summary.csv} column read. */
    public String column() {
        return column;
    }

    public String title() {
        return title;
    }

    /** The y axis title. */
    public String unit() {
        return unit;
    }

    /** How to read the chart. */
    public String help() {
        return help;
    }
}
