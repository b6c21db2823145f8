package org.tomcatpush.harness.client.results;

import org.tomcatpush.harness.client.serverstats.ServerStats;

/**
 * The figures of one row of {@code summary.csv}: one transport, or {@code all} of a mixed run.
 * Immutable.
 *
 * @param name                    the transport's name, or {@code all}
 * @param sessions                sessions the scenario assigned to it
 * @param sessionsOpenMax         most sessions connected at once, as sampled each second
 * @param client                  the client's counts
 * @param latency                 delivery latency (receive minus publish time)
 * @param responseTime            poll response time from the intended send time (coordinated-omission safe)
 * @param uncorrectedResponseTime poll response time from the actual send time
 * @param serverRequests          the server's request count for the same traffic, -1 when unknown
 * @param serverWide              the server's final stats when they describe exactly this row's
 *                                traffic (a single-transport run, or the {@code all} row), else {@code null}
 * @param failureTime             failed polls (timed out ones included): time from the intended send to the failure
 */
public record TransportResult(String name, int sessions, long sessionsOpenMax, ClientCounts client,
        LatencySummary latency, LatencySummary responseTime, LatencySummary uncorrectedResponseTime,
        long serverRequests, ServerStats serverWide, LatencySummary failureTime) {

    /** A row without failed polls. */
    public TransportResult(String name, int sessions, long sessionsOpenMax, ClientCounts client,
            LatencySummary latency, LatencySummary responseTime, LatencySummary uncorrectedResponseTime,
            long serverRequests, ServerStats serverWide) {
        this(name, sessions, sessionsOpenMax, client, latency, responseTime, uncorrectedResponseTime, serverRequests,
                serverWide, LatencySummary.EMPTY);
    }

    /** Client requests minus the server's count for the same traffic; {@code null} when the server's is unknown. */
    public Long clientMinusServerRequests() {
        return serverRequests < 0 ? null : client.requests() - serverRequests;
    }

    /** Client connections opened minus connections the server saw; {@code null} when not attributable. */
    public Long clientMinusServerConnections() {
        if (serverWide == null || serverWide.perConnection().connectionsSeen() < 0) {
            return null;
        }
        return client.connectionsOpened() - serverWide.perConnection().connectionsSeen();
    }
}
