package org.tomcatpush.harness.client.report.model;

import java.util.List;

/**
 * Names of the {@code summary.csv} columns the report reads. Columns are always looked up by
 * name, so their order in the file does not matter; any of them may be absent (shown as "n/a").
 * Breakdowns by cause are read by prefix ({@code closes_}, {@code reconnects_},
 * {@code connect_failures_}), so new causes appear in the report without code changes.
 */
public final class SummaryColumns {

    public static final String RUN_ID = "run_id";
    public static final String TRANSPORT = "transport";
    public static final String HANDLER = "handler";
    public static final String SESSIONS = "sessions";
    public static final String DURATION_S = "duration_s";
    public static final String PROTOCOL = "protocol";
    public static final String MAX_THREADS = "max_threads";
    public static final String MAX_CONNECTIONS = "max_connections";
    public static final String ACCEPT_COUNT = "accept_count";
    public static final String KEEP_ALIVE_TIMEOUT_MS = "keep_alive_timeout_ms";
    public static final String MAX_KEEP_ALIVE_REQUESTS = "max_keep_alive_requests";
    public static final String REQUESTS = "requests";
    public static final String CONNECTIONS_OPENED = "connections_opened";
    public static final String REQUESTS_PER_CONNECTION_MEAN = "requests_per_connection_mean";
    public static final String CLOSES_KEEPALIVE_LIMIT = "closes_keepalive_limit";
    public static final String CLOSES_IDLE_TIMEOUT = "closes_idle_timeout";
    public static final String CLOSES_SERVER_OTHER = "closes_server_other";
    public static final String CLOSES_CLIENT = "closes_client";
    public static final String CLOSES_ERROR = "closes_error";
    public static final String RECONNECTS = "reconnects";
    public static final String CONNECT_FAILURES = "connect_failures";
    public static final String MESSAGES_RECEIVED = "messages_received";
    public static final String MESSAGES_LOST = "messages_lost";
    public static final String MESSAGES_DUPLICATED = "messages_duplicated";
    public static final String LATENCY_P50_MS = "latency_p50_ms";
    public static final String LATENCY_P99_MS = "latency_p99_ms";
    public static final String LATENCY_MAX_MS = "latency_max_ms";
    public static final String BUSY_THREADS_MEAN = "busy_threads_mean";
    public static final String BUSY_THREADS_MAX = "busy_threads_max";
    public static final String SERVER_CONNECTIONS_MAX = "server_connections_max";
    public static final String REQUESTS_PER_MESSAGE = "requests_per_message";
    public static final String BYTES_PER_MESSAGE = "bytes_per_message";
    public static final String ERRORS = "errors";
    /** Optional: {@code ok}, or why the run did not complete. */
    public static final String STATUS = "status";
    /** Optional: the executor queue's peak length. */
    public static final String QUEUE_LENGTH_MAX = "queue_length_max";
    /** Optional: {@code true} when the server ran its executor on virtual threads. */
    public static final String VIRTUAL_THREADS = "virtual_threads";
    /** Optional: what the busy-thread figures count ({@code executor-active}, {@code handlers-in-progress}). */
    public static final String BUSY_METRIC = "busy_metric";
    /** Optional: most requests one connection carried. */
    public static final String REQUESTS_PER_CONNECTION_MAX = "requests_per_connection_max";
    /** Optional: requests the client counted minus requests the server counted. */
    public static final String CLIENT_MINUS_SERVER_REQUESTS = "client_minus_server_requests";
    /** Optional: connections the client opened minus connections the server saw. */
    public static final String CLIENT_MINUS_SERVER_CONNECTIONS = "client_minus_server_connections";
    /** Optional: poll response time from the intended send time (coordinated-omission safe). */
    public static final String RESPONSE_TIME_P99_MS = "response_time_p99_ms";
    /** Optional: poll response time from the actual send time. */
    public static final String RESPONSE_TIME_UNCORRECTED_P99_MS = "response_time_uncorrected_p99_ms";
    public static final String LATENCY_P90_MS = "latency_p90_ms";
    public static final String LATENCY_P999_MS = "latency_p999_ms";
    public static final String PUBLISH_RATE = "publish_rate";
    public static final String PAYLOAD_BYTES = "payload_bytes";
    public static final String SSE_TIMEOUT_MS = "sse_timeout_ms";
    /** Optional: the server's programming model, {@code servlet} or {@code spring} ({@code --api}). */
    public static final String API = "api";
    public static final String POLL_INTERVAL_MS = "poll_interval_ms";
    public static final String BROWSER = "browser";
    public static final String MEASURED_DURATION_S = "measured_duration_s";
    public static final String SERVER_SAMPLES = "server_samples";
    public static final String ERRORS_STALE_CONNECTION = "errors_stale_connection";
    /** Optional: the server's closes at {@code maxKeepAliveRequests}, as its ledger counted them. */
    public static final String SERVER_CLOSED_KEEPALIVE_LIMIT = "server_closed_keepalive_limit";
    /** Optional: the server's other {@code Connection: close} responses (and refused WebSocket sessions). */
    public static final String SERVER_CLOSES_CLOSING_RESPONSE = "server_closes_closing_response";
    /** Optional: WebSocket sessions the server ended itself. */
    public static final String SERVER_CLOSES_STREAM_END = "server_closes_stream_end";
    /** Optional: streams the server cut because the client did not read them. */
    public static final String SERVER_CLOSES_SLOW_CONSUMER = "server_closes_slow_consumer";
    /** Optional: streams the server abandoned because a write found the connection already broken. */
    public static final String SERVER_CLOSES_WRITE_FAILURE = "server_closes_write_failure";
    /** Optional: requests or sessions the server ended in error. */
    public static final String SERVER_CLOSES_ERROR = "server_closes_error";
    /**
     * Optional: the client's server-other closes the server did not explain. Not a close cause of
     * its own (it is a part of {@code closes_server_other}), so breakdowns by cause leave it out.
     */
    public static final String CLOSES_SERVER_UNEXPLAINED = "closes_server_unexplained";
    /** Optional: 99th percentile of the publisher's lag behind its schedule, ms (one figure for the run). */
    public static final String PUBLISHER_LAG_P99_MS = "publisher_lag_p99_ms";
    /** Optional: the publisher's largest lag behind its schedule, ms (one figure for the run). */
    public static final String PUBLISHER_LAG_MAX_MS = "publisher_lag_max_ms";

    // sessions that never got going, reconnections made (issue 9)
    /** Optional: messages the server published during the run. */
    public static final String MESSAGES_PUBLISHED = "messages_published";
    /** Optional: sessions answered at least once (a response, a stream opened, an upgrade). */
    public static final String SESSIONS_OPENED = "sessions_opened";
    /** Optional: {@code sessions - sessions_opened}. */
    public static final String SESSIONS_NEVER_OPENED = "sessions_never_opened";
    /** Optional: {@code sessions_opened / sessions}, rounded down to three decimals. */
    public static final String SESSIONS_OPENED_RATIO = "sessions_opened_ratio";
    /** Optional: time from a session's start to its first message, censored at the end of the run. */
    public static final String FIRST_MESSAGE_P99_MS = "first_message_p99_ms";
    /** Optional: the same, median. */
    public static final String FIRST_MESSAGE_P50_MS = "first_message_p50_ms";
    /** Optional: the same, worst. */
    public static final String FIRST_MESSAGE_MAX_MS = "first_message_max_ms";
    /** Optional: sessions still without a message when the run stopped (counted at their wait until then). */
    public static final String FIRST_MESSAGE_CENSORED = "first_message_censored";
    /** Optional: stream ends (server ended, lost, could not open), whatever followed. */
    public static final String STREAMS_ENDED = "streams_ended";
    // the client's own cost (issue 10)
    /** Optional: the client process's CPU time over the measured window, s. */
    public static final String CLIENT_CPU_S = "client_cpu_s";
    /** Optional: 99th percentile lateness of a task scheduled on the client's event loops, ms. */
    public static final String CLIENT_EVENT_LOOP_DELAY_P99_MS = "client_event_loop_delay_p99_ms";
    /** Optional: the largest such lateness, ms. */
    public static final String CLIENT_EVENT_LOOP_DELAY_MAX_MS = "client_event_loop_delay_max_ms";

    /** Prefix of the close-by-cause columns ({@code closes_keepalive_limit}, ...). */
    public static final String CLOSES_PREFIX = "closes_";
    /** Prefix of the reconnect-by-cause columns ({@code reconnects_stream_ended}, ...). */
    public static final String RECONNECTS_PREFIX = "reconnects_";
    /** Prefix of the connect-failure-by-kind columns ({@code connect_failures_refused}, ...). */
    public static final String CONNECT_FAILURES_PREFIX = "connect_failures_";

    /** The {@code transport} value of the row that sums a mix of transports. */
    public static final String ALL_TRANSPORTS = "all";

    /**
     * Core columns that hold numbers. A value in one of them that is neither empty, {@code n/a}
     * nor a number makes the file corrupt; other columns are free text.
     */
    public static final List<String> NUMERIC = List.of(SESSIONS, DURATION_S, MAX_THREADS, MAX_CONNECTIONS,
            ACCEPT_COUNT, KEEP_ALIVE_TIMEOUT_MS, MAX_KEEP_ALIVE_REQUESTS, REQUESTS, CONNECTIONS_OPENED,
            REQUESTS_PER_CONNECTION_MEAN, CLOSES_KEEPALIVE_LIMIT, CLOSES_IDLE_TIMEOUT, CLOSES_SERVER_OTHER,
            CLOSES_CLIENT, CLOSES_ERROR, RECONNECTS, CONNECT_FAILURES, MESSAGES_RECEIVED, MESSAGES_LOST,
            MESSAGES_DUPLICATED, LATENCY_P50_MS, LATENCY_P99_MS, LATENCY_MAX_MS, BUSY_THREADS_MEAN,
            BUSY_THREADS_MAX, SERVER_CONNECTIONS_MAX, REQUESTS_PER_MESSAGE, BYTES_PER_MESSAGE, ERRORS,
            QUEUE_LENGTH_MAX, REQUESTS_PER_CONNECTION_MAX, CLIENT_MINUS_SERVER_REQUESTS,
            CLIENT_MINUS_SERVER_CONNECTIONS, RESPONSE_TIME_P99_MS, RESPONSE_TIME_UNCORRECTED_P99_MS, LATENCY_P90_MS,
            LATENCY_P999_MS, PUBLISH_RATE, PAYLOAD_BYTES, SSE_TIMEOUT_MS, POLL_INTERVAL_MS);

    private SummaryColumns() {
    }
}
