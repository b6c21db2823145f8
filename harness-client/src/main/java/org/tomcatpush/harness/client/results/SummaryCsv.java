package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.serverstats.PublisherStats;
import org.tomcatpush.harness.client.serverstats.ServerStats;

/**
 * Writes {@code summary.csv}: one row per transport, plus {@code all} for a mixed run. The core
 * columns of the results contract come first, in contract order, then the extras. Server-wide
 * figures (busy threads, server connections, the per-connection ledger) are only filled in rows
 * that stand for all of the server's traffic. Stateless; formats a {@link RunResult} and nothing else.
 */
public final class SummaryCsv {

    /** The file name inside a run folder. */
    public static final String FILE_NAME = "summary.csv";

    private record Column(String name, BiFunction<RunResult, TransportResult, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            // core columns, in the order of the results contract
            col("run_id", (r, t) -> r.runId()),
            col("transport", (r, t) -> t.name()),
            col("handler", (r, t) -> r.setup().settings().handler()),
            col("sessions", (r, t) -> t.sessions()),
            col("duration_s", (r, t) -> Figures.cell(r.setup().scenario().duration().toMillis() / 1000.0)),
            col("protocol", (r, t) -> r.setup().settings().protocol()),
            col("max_threads", (r, t) -> r.setup().settings().maxThreads()),
            col("max_connections", (r, t) -> r.setup().settings().maxConnections()),
            col("accept_count", (r, t) -> r.setup().settings().acceptCount()),
            col("keep_alive_timeout_ms", (r, t) -> r.setup().settings().keepAliveTimeoutMs()),
            col("max_keep_alive_requests", (r, t) -> r.setup().settings().maxKeepAliveRequests()),
            col("requests", (r, t) -> t.client().requests()),
            col("connections_opened", (r, t) -> t.client().connectionsOpened()),
            col("requests_per_connection_mean", (r, t) -> Figures.cell(t.client().requestsPerConnectionMean())),
            col("closes_keepalive_limit", (r, t) -> t.client().closes(CloseCause.KEEPALIVE_LIMIT)),
            col("closes_idle_timeout", (r, t) -> t.client().closes(CloseCause.IDLE_TIMEOUT)),
            col("closes_server_other", (r, t) -> t.client().closes(CloseCause.SERVER_OTHER)),
            col("closes_client", (r, t) -> t.client().closes(CloseCause.CLIENT)),
            col("closes_error", (r, t) -> t.client().closes(CloseCause.ERROR)),
            col("reconnects", (r, t) -> t.client().reconnectsTotal()),
            col("connect_failures", (r, t) -> t.client().connectFailuresTotal()),
            col("messages_received", (r, t) -> t.client().messagesReceived()),
            col("messages_lost", (r, t) -> Figures.countCell(t.client().messagesLost())),
            col("messages_duplicated", (r, t) -> Figures.countCell(t.client().messagesDuplicated())),
            col("latency_p50_ms", (r, t) -> Figures.cell(t.latency().p50Ms())),
            col("latency_p99_ms", (r, t) -> Figures.cell(t.latency().p99Ms())),
            col("latency_max_ms", (r, t) -> Figures.cell(t.latency().maxMs())),
            col("busy_threads_mean", (r, t) -> server(t, s -> Figures.knownCell(s.busySampled().mean()))),
            col("busy_threads_max", (r, t) -> server(t, s -> Figures.countCell(s.busySampled().max()))),
            col("server_connections_max", (r, t) -> server(t, s -> Figures.countCell(s.connectionsSampled().max()))),
            col("requests_per_message", (r, t) -> Figures.cell(t.client().requestsPerMessage())),
            col("bytes_per_message", (r, t) -> Figures.cell(t.client().bytesPerMessage())),
            col("errors", (r, t) -> t.client().errors()),
            // extras
            col("status", (r, t) -> r.status().label()),
            col("measured_duration_s", (r, t) -> Figures.cell(r.measuredDurationS())),
            col("sessions_open_max", (r, t) -> t.sessionsOpenMax()),
            col("virtual_threads", (r, t) -> r.setup().settings().virtualThreads()),
            col("publish_rate", (r, t) -> Figures.cell(r.setup().settings().publishRate())),
            col("payload_bytes", (r, t) -> r.setup().settings().payloadBytes()),
            col("sse_timeout_ms", (r, t) -> r.setup().settings().sseTimeoutMs()),
            col("poll_interval_ms", (r, t) -> r.setup().scenario().pollInterval().toMillis()),
            col("browser", (r, t) -> r.setup().scenario().browser()),
            col("latency_mean_ms", (r, t) -> Figures.cell(t.latency().meanMs())),
            col("latency_p90_ms", (r, t) -> Figures.cell(t.latency().p90Ms())),
            col("latency_p999_ms", (r, t) -> Figures.cell(t.latency().p999Ms())),
            col("response_time_p50_ms", (r, t) -> Figures.cell(t.responseTime().p50Ms())),
            col("response_time_p99_ms", (r, t) -> Figures.cell(t.responseTime().p99Ms())),
            col("response_time_max_ms", (r, t) -> Figures.cell(t.responseTime().maxMs())),
            col("response_time_uncorrected_p99_ms", (r, t) -> Figures.cell(t.uncorrectedResponseTime().p99Ms())),
            col("requests_per_connection_max", (r, t) -> t.client().requestsPerConnectionMax()),
            col("reconnects_stream_ended", (r, t) -> t.client().reconnects(ReconnectCause.STREAM_ENDED)),
            col("reconnects_connection_lost", (r, t) -> t.client().reconnects(ReconnectCause.CONNECTION_LOST)),
            col("reconnects_error", (r, t) -> t.client().reconnects(ReconnectCause.ERROR)),
            col("reconnects_sequence_reset", (r, t) -> t.client().reconnects(ReconnectCause.SEQUENCE_RESET)),
            col("connect_failures_refused", (r, t) -> t.client().connectFailures(ConnectFailureKind.REFUSED)),
            col("connect_failures_timeout", (r, t) -> t.client().connectFailures(ConnectFailureKind.TIMEOUT)),
            col("connect_failures_other", (r, t) -> t.client().connectFailures(ConnectFailureKind.OTHER)),
            col("bytes_received", (r, t) -> t.client().bytesReceived()),
            col("bytes_sent", (r, t) -> t.client().bytesSent()),
            col("messages_published", (r, t) -> r.finalServerStats() == null ? ""
                    : Figures.countCell(r.finalServerStats().messagesPublished())),
            col("server_requests", (r, t) -> Figures.countCell(t.serverRequests())),
            col("server_connections_seen", (r, t) -> server(t, s -> Figures.countCell(s.perConnection().connectionsSeen()))),
            col("server_requests_per_connection_mean",
                    (r, t) -> server(t, s -> Figures.knownCell(s.perConnection().requestsPerConnectionMean()))),
            col("server_requests_per_connection_max",
                    (r, t) -> server(t, s -> Figures.countCell(s.perConnection().requestsPerConnectionMax()))),
            col("server_closed_keepalive_limit",
                    (r, t) -> server(t, s -> Figures.countCell(s.perConnection().closedAtKeepAliveLimit()))),
            col("client_minus_server_requests", (r, t) -> Figures.nullableCell(t.clientMinusServerRequests())),
            col("client_minus_server_connections", (r, t) -> Figures.nullableCell(t.clientMinusServerConnections())),
            col("busy_threads_p99", (r, t) -> server(t, s -> Figures.countCell(s.busySampled().p99()))),
            col("busy_metric", (r, t) -> server(t, ServerStats::busyMetric)),
            col("queue_length_max", (r, t) -> server(t, s -> Figures.countCell(s.queueSampled().max()))),
            col("server_connections_mean", (r, t) -> server(t, s -> Figures.knownCell(s.connectionsSampled().mean()))),
            col("server_samples", (r, t) -> server(t, s -> Figures.countCell(s.samples()))),
            // server closes by cause (issue 9); the keep-alive limit is server_closed_keepalive_limit
            col("server_closes_closing_response",
                    (r, t) -> server(t, s -> Figures.countCell(s.serverCloses().closingResponse()))),
            col("server_closes_stream_end", (r, t) -> server(t, s -> Figures.countCell(s.serverCloses().streamEnd()))),
            col("server_closes_slow_consumer", (r, t) -> server(t, s -> Figures.countCell(s.serverCloses().slowConsumer()))),
            col("server_closes_write_failure", (r, t) -> server(t, s -> Figures.countCell(s.serverCloses().writeFailure()))),
            col("server_closes_error", (r, t) -> server(t, s -> Figures.countCell(s.serverCloses().error()))),
            col("closes_server_unexplained", (r, t) -> Figures.nullableCell(t.closesServerUnexplained())),
            // publish-side coordinated omission (issue 9): one publisher for every transport, so in every row
            col("publisher_lag_p99_ms", (r, t) -> publisherLag(r, PublisherStats::lagP99Ms)),
            col("publisher_lag_max_ms", (r, t) -> publisherLag(r, PublisherStats::lagMaxMs)),
            // sessions that never got going, reconnections made (issue 9)
            col("sessions_opened", (r, t) -> t.client().sessionsOpened()),
            col("sessions_never_opened", (r, t) -> t.sessionsNeverOpened()),
            col("sessions_opened_ratio", (r, t) -> Figures.cell(t.sessionsOpenedRatio())),
            col("first_message_p50_ms", (r, t) -> Figures.cell(t.firstMessage().p50Ms())),
            col("first_message_p99_ms", (r, t) -> Figures.cell(t.firstMessage().p99Ms())),
            col("first_message_max_ms", (r, t) -> Figures.cell(t.firstMessage().maxMs())),
            col("first_message_censored", (r, t) -> t.client().firstMessagesCensored()),
            col("streams_ended", (r, t) -> t.client().streamsEnded()),
            // failed and unanswered requests, the keep-alive race (issue 9)
            col("requests_failed", (r, t) -> t.client().requestsFailed()),
            col("requests_timed_out", (r, t) -> t.client().requestsTimedOut()),
            col("failure_time_p99_ms", (r, t) -> Figures.cell(t.failureTime().p99Ms())),
            col("failure_time_max_ms", (r, t) -> Figures.cell(t.failureTime().maxMs())),
            col("closes_stale_connection", (r, t) -> t.client().closes(CloseCause.STALE_CONNECTION)),
            col("errors_stale_connection", (r, t) -> t.client().errorsStaleConnection()),
            col("requests_retried", (r, t) -> t.client().requestsRetried()),
            // server memory (issue 10): sampled in the window, server-wide rows only; per session for one transport
            col("server_heap_mb_max", (r, t) -> server(t, s -> Figures.megabytesCell(s.heapSampled().max()))),
            col("server_rss_mb_max", (r, t) -> server(t, s -> Figures.megabytesCell(s.rssSampled().max()))),
            col("server_heap_bytes_per_session", (r, t) -> r.all() == null && t.serverWide() != null
                    ? Figures.wholeNumberCell(r.heldMemory().heapBytesPerSession()) : ""),
            // the client's own cost (issue 10): one client, the same in every row
            col("client_cpu_s", (r, t) -> Figures.cell(r.environment().clientCost().cpuS())),
            col("client_rss_mb_max", (r, t) -> Figures.megabytesCell(r.environment().clientCost().rssMaxBytes())),
            col("client_heap_mb_max", (r, t) -> Figures.megabytesCell(r.environment().clientCost().heapMaxBytes())),
            col("client_event_loop_delay_p99_ms", (r, t) -> Figures.cell(r.environment().clientCost().eventLoopDelayP99Ms())),
            col("client_event_loop_delay_max_ms", (r, t) -> Figures.cell(r.environment().clientCost().eventLoopDelayMaxMs())),
            // the proxy and SSE heartbeats (issue 12, E10): the same in every row
            col("proxy", (r, t) -> r.setup().proxy().kind()),
            col("proxy_read_timeout_ms", (r, t) -> r.setup().proxy().readTimeoutMs() >= 0
                    ? r.setup().proxy().readTimeoutMs() : ""),
            col("sse_heartbeat_ms", (r, t) -> r.setup().serverConfig().path("sseHeartbeatMs").isNumber()
                    ? r.setup().serverConfig().path("sseHeartbeatMs").asLong() : ""),
            // streams that waited for one of their browser's 6 connections (issue 12, E9)
            col("browser_sessions_queued", (r, t) -> t.client().browserSessionsQueued()),
            col("browser_queue_wait_min_ms", (r, t) -> t.client().browserQueueWaitMinMicros() == 0 ? ""
                    : Figures.cell(t.client().browserQueueWaitMinMicros() / 1000.0)),
            col("browser_queue_wait_max_ms", (r, t) -> t.client().browserQueueWaitMaxMicros() == 0 ? ""
                    : Figures.cell(t.client().browserQueueWaitMaxMicros() / 1000.0)),
            // the sessions behind the heap per session, and the process's growth per session (issue 12, E12)
            col("server_heap_sessions_held", (r, t) -> r.all() == null && t.serverWide() != null
                    && r.heldMemory().held().known() ? Long.toString(r.heldMemory().sessionsHeld()) : ""),
            col("server_rss_bytes_per_session", (r, t) -> r.all() == null && t.serverWide() != null
                    ? Figures.wholeNumberCell(r.heldMemory().rssBytesPerSession()) : ""),
            // the long-poll answer's batch (issue 12, E8): one message per answer or many
            col("max_batch", (r, t) -> r.setup().settings().maxBatch() > 0 ? r.setup().settings().maxBatch() : ""),
            // connect time per connection (issue 12, E5): from the connect call to the connection established
            col("connect_time_p50_ms", (r, t) -> Figures.cell(t.connectTime().p50Ms())),
            col("connect_time_p99_ms", (r, t) -> Figures.cell(t.connectTime().p99Ms())),
            col("connect_time_max_ms", (r, t) -> Figures.cell(t.connectTime().maxMs())),
            // the request's Connection header and the first response's keep-alive headers (issue 12, E6)
            col("request_connection_header", (r, t) -> r.setup().scenario().connectionHeader().cliName()),
            col("first_responses", (r, t) -> t.client().firstResponseHeaders().responses()),
            col("keep_alive_header_responses", (r, t) -> t.client().firstResponseHeaders().keepAlive()),
            col("keep_alive_header_timeout_s", (r, t) -> t.client().firstResponseHeaders().timeoutS().stream()
                    .mapToObj(Long::toString).findFirst().orElse("")),
            col("keep_alive_header_max_responses", (r, t) -> t.client().firstResponseHeaders().withMax()),
            col("connection_keep_alive_responses", (r, t) -> t.client().firstResponseHeaders().connectionKeepAlive()),
            // the server's programming model (issue 13): --api servlet|spring
            col("api", (r, t) -> r.setup().settings().api()),
            // the server's own cost (issue 11): its process CPU time over the window, server-wide rows only
            col("server_cpu_s", (r, t) -> t.serverWide() == null ? ""
                    : Figures.cell(ServerCpu.seconds(r.timeseries()))),
            col("server_cpu_us_per_message", (r, t) -> t.serverWide() == null ? ""
                    : Figures.cell(ServerCpu.microsPerMessage(ServerCpu.seconds(r.timeseries()),
                            t.client().messagesReceived()))));

    private SummaryCsv() {
    }

    /** The column names, in file order. */
    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** Writes the header and one record per summary row of {@code result}: its {@link #cells}. */
    public static void write(RunResult result, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header().toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map<String, String> row : cells(result)) {
                printer.printRecord(row.values());
            }
        }
    }

    /**
     * The cells the file holds for {@code result}, one map (column to cell, in file order) per
     * summary row: what thresholds are judged on, so they see exactly the written figures.
     */
    public static List<Map<String, String>> cells(RunResult result) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (TransportResult row : result.summaryRows()) {
            Map<String, String> cells = new LinkedHashMap<>();
            for (Column column : COLUMNS) {
                cells.put(column.name(), Objects.toString(column.value().apply(result, row), ""));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Column col(String name, BiFunction<RunResult, TransportResult, Object> value) {
        return new Column(name, value);
    }

    /** A figure of the publisher's lag, empty when the server did not report one. */
    private static String publisherLag(RunResult result, ToDoubleFunction<PublisherStats> figure) {
        ServerStats stats = result.finalServerStats();
        return stats == null || !stats.publisher().known() ? ""
                : Figures.cell(figure.applyAsDouble(stats.publisher()));
    }

    private static String server(TransportResult row, java.util.function.Function<ServerStats, String> figure) {
        return row.serverWide() == null ? "" : figure.apply(row.serverWide());
    }
}
