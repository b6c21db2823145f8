package org.tomcatpush.harness.client.scenario;

import java.net.URI;
import java.time.Duration;

/**
 * Everything the load generator needs to know about one run, already validated. Immutable.
 *
 * @param target                     base URI of the server, e.g. {@code http://127.0.0.1:8080}
 * @param mix                        which transports, in which proportion
 * @param sessions                   number of concurrent sessions to open
 * @param rampUp                     time over which sessions are opened, evenly spaced (zero: all at once)
 * @param duration                   how long the run lasts after the ramp-up started
 * @param pollInterval               short poll: time between intended send times of one session
 * @param browser                    send {@code Connection: keep-alive} and cap each virtual browser
 *                                   at {@link #BROWSER_CONNECTIONS_PER_ORIGIN} connections
 * @param sessionsPerBrowser         with {@code browser}: how many sessions share one virtual browser
 *                                   (its connection cap and its keep-alive pool); otherwise 1
 * @param sseReconnectDelay          SSE reconnect delay until the server sends {@code retry:};
 *                                   WebSocket reconnect delay
 * @param sourceAddresses            spread connections over 127.0.0.1 .. 127.0.0.N (1 = only 127.0.0.1)
 * @param connectTimeout             TCP connect time limit; a connect past it counts as a timeout failure
 * @param serverMaxKeepAliveRequests the server's {@code maxKeepAliveRequests}, to tell a close at
 *                                   the keep-alive limit from any other server close
 * @param pollsPerSession            short and long poll: each session stops after this many polls
 *                                   (0 = it polls until the run ends); for exact request counts
 */
public record Scenario(
        URI target,
        TransportMix mix,
        int sessions,
        Duration rampUp,
        Duration duration,
        Duration pollInterval,
        boolean browser,
        int sessionsPerBrowser,
        Duration sseReconnectDelay,
        int sourceAddresses,
        Duration connectTimeout,
        int serverMaxKeepAliveRequests,
        int pollsPerSession) {

    /** HTTP/1.1 browsers open at most this many connections per origin. */
    public static final int BROWSER_CONNECTIONS_PER_ORIGIN = 6;

    /** A scenario whose polling sessions poll until the run ends ({@code pollsPerSession} 0). */
    public Scenario(URI target, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, int serverMaxKeepAliveRequests) {
        this(target, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, 0);
    }
}
