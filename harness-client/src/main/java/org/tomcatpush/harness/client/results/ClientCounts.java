package org.tomcatpush.harness.client.results;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.FirstResponseHeaders;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.accounting.TransportCounters;

/**
 * The client's cumulative counts at the end of a run, for one transport or summed over several.
 * Immutable. See {@link TransportCounters} for the meaning of each count.
 */
public record ClientCounts(long requests, long connectionsOpened, long requestsPerConnectionMax,
        Map<CloseCause, Long> closes, Map<ReconnectCause, Long> reconnects,
        Map<ConnectFailureKind, Long> connectFailures, long messagesReceived, long messagesLost,
        long messagesDuplicated, long bytesReceived, long bytesSent, long errors, long sessionsOpened,
        long streamsEnded, long firstMessagesCensored, long requestsFailed, long requestsTimedOut,
        long requestsRetried, long errorsStaleConnection, long browserSessionsQueued,
        long browserQueueWaitMinMicros, long browserQueueWaitMaxMicros, FirstResponseHeaders firstResponseHeaders) {

    public ClientCounts {
        closes = complete(closes, CloseCause.class);
        reconnects = complete(reconnects, ReconnectCause.class);
        connectFailures = complete(connectFailures, ConnectFailureKind.class);
        Objects.requireNonNull(firstResponseHeaders, "firstResponseHeaders");
    }

    /** Counts without sessions queued for a browser's connection and without the first responses' keep-alive headers. */
    public ClientCounts(long requests, long connectionsOpened, long requestsPerConnectionMax,
            Map<CloseCause, Long> closes, Map<ReconnectCause, Long> reconnects,
            Map<ConnectFailureKind, Long> connectFailures, long messagesReceived, long messagesLost,
            long messagesDuplicated, long bytesReceived, long bytesSent, long errors, long sessionsOpened,
            long streamsEnded, long firstMessagesCensored, long requestsFailed, long requestsTimedOut,
            long requestsRetried, long errorsStaleConnection) {
        this(requests, connectionsOpened, requestsPerConnectionMax, closes, reconnects, connectFailures,
                messagesReceived, messagesLost, messagesDuplicated, bytesReceived, bytesSent, errors, sessionsOpened,
                streamsEnded, firstMessagesCensored, requestsFailed, requestsTimedOut, requestsRetried,
                errorsStaleConnection, 0, 0, 0, FirstResponseHeaders.NONE);
    }

    /** Counts without failed, timed-out or retried requests. */
    public ClientCounts(long requests, long connectionsOpened, long requestsPerConnectionMax,
            Map<CloseCause, Long> closes, Map<ReconnectCause, Long> reconnects,
            Map<ConnectFailureKind, Long> connectFailures, long messagesReceived, long messagesLost,
            long messagesDuplicated, long bytesReceived, long bytesSent, long errors) {
        this(requests, connectionsOpened, requestsPerConnectionMax, closes, reconnects, connectFailures,
                messagesReceived, messagesLost, messagesDuplicated, bytesReceived, bytesSent, errors, 0, 0, 0, 0, 0, 0,
                0);
    }

    public static ClientCounts of(TransportCounters c) {
        return new ClientCounts(c.requests(), c.connectionsOpened(), c.requestsPerConnectionMax(), c.closes(),
                c.reconnects(), c.connectFailures(), c.messagesReceived(), c.messagesLost(), c.messagesDuplicated(),
                c.bytesReceived(), c.bytesSent(), c.errors(), c.sessionsOpened(), c.streamsEnded(),
                c.firstMessagesCensored(), c.requestsFailed(), c.requestsTimedOut(), c.requestsRetried(),
                c.errorsStaleConnection(), c.browserSessionsQueued(), c.browserQueueWaitMinMicros(),
                c.browserQueueWaitMaxMicros(), c.firstResponseHeaders());
    }

    /**
     * The sum of several transports' counts (the maximum for {@code requestsPerConnectionMax}, the
     * extremes of the browser queue waits).
     */
    public static ClientCounts sum(Collection<ClientCounts> parts) {
        ClientCounts total = new ClientCounts(0, 0, 0, Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0, 0);
        for (ClientCounts p : parts) {
            total = new ClientCounts(total.requests + p.requests, total.connectionsOpened + p.connectionsOpened,
                    Math.max(total.requestsPerConnectionMax, p.requestsPerConnectionMax),
                    add(total.closes, p.closes, CloseCause.class), add(total.reconnects, p.reconnects, ReconnectCause.class),
                    add(total.connectFailures, p.connectFailures, ConnectFailureKind.class),
                    total.messagesReceived + p.messagesReceived, knownSum(total.messagesLost, p.messagesLost),
                    knownSum(total.messagesDuplicated, p.messagesDuplicated), total.bytesReceived + p.bytesReceived,
                    total.bytesSent + p.bytesSent, total.errors + p.errors, total.sessionsOpened + p.sessionsOpened,
                    total.streamsEnded + p.streamsEnded, total.firstMessagesCensored + p.firstMessagesCensored,
                    total.requestsFailed + p.requestsFailed, total.requestsTimedOut + p.requestsTimedOut,
                    total.requestsRetried + p.requestsRetried, total.errorsStaleConnection + p.errorsStaleConnection,
                    total.browserSessionsQueued + p.browserSessionsQueued,
                    minOfKnown(total.browserQueueWaitMinMicros, p.browserQueueWaitMinMicros),
                    Math.max(total.browserQueueWaitMaxMicros, p.browserQueueWaitMaxMicros),
                    total.firstResponseHeaders.plus(p.firstResponseHeaders));
        }
        return total;
    }

    /**
     * These counts with the sequence check's figures unknown (-1): a foreign application's messages
     * that carried no numeric id, so nothing can be said of loss or duplication.
     */
    public ClientCounts withoutSequenceCheck() {
        return new ClientCounts(requests, connectionsOpened, requestsPerConnectionMax, closes, reconnects,
                connectFailures, messagesReceived, -1, -1, bytesReceived, bytesSent, errors, sessionsOpened,
                streamsEnded, firstMessagesCensored, requestsFailed, requestsTimedOut, requestsRetried,
                errorsStaleConnection, browserSessionsQueued, browserQueueWaitMinMicros, browserQueueWaitMaxMicros,
                firstResponseHeaders);
    }

    /** Whether the sequence check's figures are known (see {@link #withoutSequenceCheck()}). */
    public boolean sequenceChecked() {
        return messagesLost >= 0;
    }

    /** The sum of two counts of which either may be unknown (-1): unknown if either is. */
    private static long knownSum(long a, long b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }

    /** The smaller of two waits where 0 means none was recorded. */
    private static long minOfKnown(long a, long b) {
        return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }

    public long closes(CloseCause cause) {
        return closes.get(cause);
    }

    public long reconnects(ReconnectCause cause) {
        return reconnects.get(cause);
    }

    public long connectFailures(ConnectFailureKind kind) {
        return connectFailures.get(kind);
    }

    public long reconnectsTotal() {
        return reconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    public long connectFailuresTotal() {
        return connectFailures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests per TCP connection opened, NaN when none was opened. */
    public double requestsPerConnectionMean() {
        return ratio(requests, connectionsOpened);
    }

    /** Requests sent per message received, NaN when none was received. */
    public double requestsPerMessage() {
        return ratio(requests, messagesReceived);
    }

    /** Bytes received per message received (headers, framing and empty answers included), NaN when none. */
    public double bytesPerMessage() {
        return ratio(bytesReceived, messagesReceived);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private static <E extends Enum<E>> Map<E, Long> complete(Map<E, Long> counts, Class<E> type) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, counts.getOrDefault(e, 0L));
        }
        return Map.copyOf(map);
    }

    private static <E extends Enum<E>> Map<E, Long> add(Map<E, Long> a, Map<E, Long> b, Class<E> type) {
        Map<E, Long> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, a.getOrDefault(e, 0L) + b.getOrDefault(e, 0L));
        }
        return map;
    }
}
