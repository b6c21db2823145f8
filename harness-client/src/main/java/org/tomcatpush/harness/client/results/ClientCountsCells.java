package org.tomcatpush.harness.client.results;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.FirstResponseHeaders;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * The {@code summary.csv} columns that hold a {@link ClientCounts}, both ways: counts read back
 * from a written row, and the cells of counts as {@link SummaryCsv} writes them. A merge reads each
 * agent's row, adds the counts with {@link ClientCounts#sum} (the computation a run's {@code all}
 * row uses) and writes the cells of the sum, so a merged count is added exactly as a run adds its
 * transports'. A cell that is empty reads as 0, except the sequence check's figures, which read as
 * unknown (-1). Stateless.
 *
 * <pre>
 * ClientCounts total = ClientCounts.sum(rows.stream().map(ClientCountsCells::read).toList());
 * String requests = ClientCountsCells.cells(total).get("requests");
 * </pre>
 */
public final class ClientCountsCells {

    private static final String KEEP_ALIVE_TIMEOUT = "keep_alive_header_timeout_s";

    /** Every column these cells fill. */
    public static final Set<String> COLUMNS = Set.copyOf(cells(ClientCounts.sum(List.of())).keySet());

    private ClientCountsCells() {
    }

    /** The cells of {@code c}'s columns, each as {@link SummaryCsv} writes it. */
    public static Map<String, String> cells(ClientCounts c) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("requests", Long.toString(c.requests()));
        cells.put("connections_opened", Long.toString(c.connectionsOpened()));
        cells.put("requests_per_connection_max", Long.toString(c.requestsPerConnectionMax()));
        for (CloseCause cause : CloseCause.values()) {
            cells.put(column("closes_", cause), Long.toString(c.closes(cause)));
        }
        cells.put("reconnects", Long.toString(c.reconnectsTotal()));
        for (ReconnectCause cause : ReconnectCause.values()) {
            cells.put(column("reconnects_", cause), Long.toString(c.reconnects(cause)));
        }
        cells.put("connect_failures", Long.toString(c.connectFailuresTotal()));
        for (ConnectFailureKind kind : ConnectFailureKind.values()) {
            cells.put(column("connect_failures_", kind), Long.toString(c.connectFailures(kind)));
        }
        cells.put("messages_received", Long.toString(c.messagesReceived()));
        cells.put("messages_lost", Figures.countCell(c.messagesLost()));
        cells.put("messages_duplicated", Figures.countCell(c.messagesDuplicated()));
        cells.put("bytes_received", Long.toString(c.bytesReceived()));
        cells.put("bytes_sent", Long.toString(c.bytesSent()));
        cells.put("errors", Long.toString(c.errors()));
        cells.put("sessions_opened", Long.toString(c.sessionsOpened()));
        cells.put("streams_ended", Long.toString(c.streamsEnded()));
        cells.put("first_message_censored", Long.toString(c.firstMessagesCensored()));
        cells.put("requests_failed", Long.toString(c.requestsFailed()));
        cells.put("requests_timed_out", Long.toString(c.requestsTimedOut()));
        cells.put("requests_retried", Long.toString(c.requestsRetried()));
        cells.put("errors_stale_connection", Long.toString(c.errorsStaleConnection()));
        cells.put("browser_sessions_queued", Long.toString(c.browserSessionsQueued()));
        cells.put("browser_queue_wait_min_ms", waitCell(c.browserQueueWaitMinMicros()));
        cells.put("browser_queue_wait_max_ms", waitCell(c.browserQueueWaitMaxMicros()));
        FirstResponseHeaders h = c.firstResponseHeaders();
        cells.put("first_responses", Long.toString(h.responses()));
        cells.put("keep_alive_header_responses", Long.toString(h.keepAlive()));
        cells.put(KEEP_ALIVE_TIMEOUT, h.timeoutS().stream().mapToObj(Long::toString).findFirst().orElse(""));
        cells.put("keep_alive_header_max_responses", Long.toString(h.withMax()));
        cells.put("connection_keep_alive_responses", Long.toString(h.connectionKeepAlive()));
        return cells;
    }

    /**
     * The counts a written row holds. What the file does not keep reads as nothing: the
     * {@code Connection: close} first responses, and a keep-alive {@code timeout=} other than the
     * one all of the row's headers agreed on (its cell is then empty, and so is any sum's).
     */
    public static ClientCounts read(SummaryRow row) {
        Map<CloseCause, Long> closes = new EnumMap<>(CloseCause.class);
        for (CloseCause cause : CloseCause.values()) {
            closes.put(cause, count(row, column("closes_", cause)));
        }
        Map<ReconnectCause, Long> reconnects = new EnumMap<>(ReconnectCause.class);
        for (ReconnectCause cause : ReconnectCause.values()) {
            reconnects.put(cause, count(row, column("reconnects_", cause)));
        }
        Map<ConnectFailureKind, Long> connectFailures = new EnumMap<>(ConnectFailureKind.class);
        for (ConnectFailureKind kind : ConnectFailureKind.values()) {
            connectFailures.put(kind, count(row, column("connect_failures_", kind)));
        }
        long keepAlive = count(row, "keep_alive_header_responses");
        boolean agreedTimeout = row.number(KEEP_ALIVE_TIMEOUT).isPresent();
        long timeoutS = agreedTimeout ? count(row, KEEP_ALIVE_TIMEOUT) : 0;
        FirstResponseHeaders headers = new FirstResponseHeaders(count(row, "first_responses"), keepAlive,
                agreedTimeout ? keepAlive : 0, agreedTimeout ? timeoutS : Long.MAX_VALUE,
                agreedTimeout ? timeoutS : Long.MIN_VALUE, count(row, "keep_alive_header_max_responses"),
                count(row, "connection_keep_alive_responses"), 0);
        return new ClientCounts(count(row, "requests"), count(row, "connections_opened"),
                count(row, "requests_per_connection_max"), closes, reconnects, connectFailures,
                count(row, "messages_received"), countOrUnknown(row, "messages_lost"),
                countOrUnknown(row, "messages_duplicated"), count(row, "bytes_received"), count(row, "bytes_sent"),
                count(row, "errors"), count(row, "sessions_opened"), count(row, "streams_ended"),
                count(row, "first_message_censored"), count(row, "requests_failed"), count(row, "requests_timed_out"),
                count(row, "requests_retried"), count(row, "errors_stale_connection"),
                count(row, "browser_sessions_queued"), micros(row, "browser_queue_wait_min_ms"),
                micros(row, "browser_queue_wait_max_ms"), headers);
    }

    /** {@code closes_keepalive_limit} for {@link CloseCause#KEEPALIVE_LIMIT}: the cause's name in snake case. */
    private static String column(String prefix, Enum<?> cause) {
        return prefix + cause.name().toLowerCase(Locale.ROOT);
    }

    private static long count(SummaryRow row, String column) {
        return Math.round(row.numberOr(column, 0));
    }

    private static long countOrUnknown(SummaryRow row, String column) {
        return row.number(column).isPresent() ? count(row, column) : -1;
    }

    /** A wait in milliseconds (3 decimals) back to the microseconds it was written from; 0 when none. */
    private static long micros(SummaryRow row, String column) {
        return Math.round(row.numberOr(column, 0) * 1000);
    }

    private static String waitCell(long micros) {
        return micros == 0 ? "" : Figures.cell(micros / 1000.0);
    }
}
