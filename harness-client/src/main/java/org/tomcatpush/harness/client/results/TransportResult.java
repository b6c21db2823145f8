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
 * @param firstMessage            per session, time from its start by the ramp-up to its first message;
 *                                sessions still waiting at the stop are recorded at their wait until then
 * @param failureTime             failed polls (timed out ones included): time from the intended send to the failure
 * @param connectTime             per connection counted in {@code connectionsOpened}: from its connect call to
 *                                its being established
 */
public record TransportResult(String name, int sessions, long sessionsOpenMax, ClientCounts client,
        LatencySummary latency, LatencySummary responseTime, LatencySummary uncorrectedResponseTime,
        long serverRequests, ServerStats serverWide, LatencySummary firstMessage, LatencySummary failureTime,
        LatencySummary connectTime) {

    /** A row without connect times. */
    public TransportResult(String name, int sessions, long sessionsOpenMax, ClientCounts client,
            LatencySummary latency, LatencySummary responseTime, LatencySummary uncorrectedResponseTime,
            long serverRequests, ServerStats serverWide, LatencySummary firstMessage, LatencySummary failureTime) {
        this(name, sessions, sessionsOpenMax, client, latency, responseTime, uncorrectedResponseTime, serverRequests,
                serverWide, firstMessage, failureTime, LatencySummary.EMPTY);
    }

    /** Sessions planned for this row that were never answered (never opened). */
    public long sessionsNeverOpened() {
        return Math.max(0, sessions - client.sessionsOpened());
    }

    /**
     * Sessions opened per session planned, rounded down to three decimals (so it is 1 only when
     * every session opened: 9,999 of 10,000 is 0.999); NaN when none was planned.
     */
    public double sessionsOpenedRatio() {
        return sessions == 0 ? Double.NaN : (client.sessionsOpened() * 1000 / sessions) / 1000.0;
    }

    /**
     * Client requests minus the server's count for the same traffic; {@code null} when the server's
     * is unknown, or is Tomcat's own over JMX: that one counts every request of the connector, the
     * application's other clients included, so it is shown but not checked against the client's.
     */
    public Long clientMinusServerRequests() {
        if (serverRequests < 0 || (serverWide != null && serverWide.readOverJmx())) {
            return null;
        }
        return client.requests() - serverRequests;
    }

    /** Client connections opened minus connections the server saw; {@code null} when not attributable. */
    public Long clientMinusServerConnections() {
        if (serverWide == null || serverWide.perConnection().connectionsSeen() < 0) {
            return null;
        }
        return client.connectionsOpened() - serverWide.perConnection().connectionsSeen();
    }

    /**
     * The client's {@code server-other} closes the server did not explain: client
     * {@code closes_server_other} minus the server's closes that the client sees as server-other
     * ({@link org.tomcatpush.harness.client.serverstats.ServerCloseStats#explainingServerOther()}),
     * never below 0; {@code null} when not attributable.
     */
    public Long closesServerUnexplained() {
        if (serverWide == null || !serverWide.serverCloses().known()) {
            return null;
        }
        long serverOther = client.closes(org.tomcatpush.harness.client.accounting.CloseCause.SERVER_OTHER);
        return Math.max(0, serverOther - serverWide.serverCloses().explainingServerOther());
    }
}
