package org.tomcatpush.harness.client.accounting;

import java.util.Map;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Cumulative counters of one transport at one instant. Immutable.
 *
 * @param sessionsOpen             sessions currently connected (stream open or polling)
 * @param requests                 HTTP requests sent, WebSocket upgrades included
 * @param connectionsOpened        TCP connections established
 * @param connectionsOpen          TCP connections open now
 * @param requestsPerConnectionMax most requests carried by one closed connection
 * @param closes                   closed connections by cause
 * @param reconnects               stream reconnections made, by the cause of the end before each (SSE, WebSocket)
 * @param connectFailures          failed connects by kind
 * @param bytesReceived            bytes read (headers and bodies, or frames)
 * @param bytesSent                bytes written (request lines, headers, bodies)
 * @param sessionsOpened           sessions answered at least once (a response, a stream opened, an upgrade)
 * @param streamsEnded             stream ends while the run went on (ended by the server, lost, could not open)
 * @param firstMessagesCensored    sessions that had no message yet when the run stopped
 * @param errors                   every error that is not a connect failure, stale-connection ones included
 * @param requestsFailed           polls that failed: error status, I/O error, stale connection or timeout
 * @param requestsTimedOut         polls abandoned without a complete answer within the request timeout
 * @param requestsRetried          requests sent again after a stale connection ({@code --browser})
 * @param errorsStaleConnection    errors that were the keep-alive race ({@link CloseCause#STALE_CONNECTION})
 * @param browserSessionsQueued    with {@code --browser}: sessions whose first exchange waited for a free
 *                                 connection of their browser (all 6 busy)
 * @param browserQueueWaitMinMicros the shortest of those waits that ended in a connection, from the
 *                                 session's start to its connection; 0 when none did
 * @param browserQueueWaitMaxMicros the longest of them; 0 when none did
 * @param firstResponseHeaders     the keep-alive headers of the first response on each connection
 */
public record TransportCounters(
        Transport transport,
        long sessionsOpen,
        long requests,
        long connectionsOpened,
        long connectionsOpen,
        long requestsPerConnectionMax,
        Map<CloseCause, Long> closes,
        Map<ReconnectCause, Long> reconnects,
        Map<ConnectFailureKind, Long> connectFailures,
        long messagesReceived,
        long messagesLost,
        long messagesDuplicated,
        long bytesReceived,
        long bytesSent,
        long errors,
        long sessionsOpened,
        long streamsEnded,
        long firstMessagesCensored,

        long requestsFailed,
        long requestsTimedOut,
        long requestsRetried,
        long errorsStaleConnection,
        long browserSessionsQueued,
        long browserQueueWaitMinMicros,
        long browserQueueWaitMaxMicros,
        // the first response's keep-alive headers (issue 12, E6)
        FirstResponseHeaders firstResponseHeaders) {

    public TransportCounters {
        closes = Map.copyOf(closes);
        reconnects = Map.copyOf(reconnects);
        connectFailures = Map.copyOf(connectFailures);
    }

    public long closes(CloseCause cause) {
        return closes.getOrDefault(cause, 0L);
    }

    public long reconnects(ReconnectCause cause) {
        return reconnects.getOrDefault(cause, 0L);
    }

    public long connectFailures(ConnectFailureKind kind) {
        return connectFailures.getOrDefault(kind, 0L);
    }

    public long reconnectsTotal() {
        return reconnects.values().stream().mapToLong(Long::longValue).sum();
    }

    public long connectFailuresTotal() {
        return connectFailures.values().stream().mapToLong(Long::longValue).sum();
    }
}
