package org.tomcatpush.harness.client.results;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * One second of a run, client and server figures on the client's clock. Rates are over the second
 * that ended at {@code epochMs}; server figures are -1 when the stats request failed. Immutable.
 *
 * @param elapsedS              whole seconds since the load started
 * @param epochMs               when the second ended, epoch ms
 * @param sessions              sessions connected, all transports
 * @param messagesPerS          messages received per second
 * @param requestsPerS          requests sent per second
 * @param busyThreads           the server's busy threads at the end of the second
 * @param queueLength           the server's executor queue length
 * @param serverConnections     connections the server's connector held
 * @param clientConnectionsOpen TCP connections the client held
 * @param reconnects            stream reconnects during the second
 * @param connectFailures       failed connects during the second
 * @param errors                errors during the second
 * @param latencyP99Ms          p99 delivery latency of the messages received during the second, NaN if none
 * @param perTransport          the session and rate figures per transport
 */
public record TimeseriesRow(long elapsedS, long epochMs, long sessions, double messagesPerS, double requestsPerS,
        long busyThreads, long queueLength, long serverConnections, long clientConnectionsOpen, long reconnects,
        long connectFailures, long errors, double latencyP99Ms, Map<Transport, TransportSecond> perTransport) {

    public TimeseriesRow {
        Map<Transport, TransportSecond> copy = new EnumMap<>(Transport.class);
        copy.putAll(perTransport);
        perTransport = Collections.unmodifiableMap(copy);
    }

    /** One transport's part of a second. */
    public record TransportSecond(long sessions, double messagesPerS, double requestsPerS) {
    }
}
