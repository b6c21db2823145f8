package org.tomcatpush.harness.client.scenario;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything the load generator needs to know about one run, already validated. Immutable.
 *
 * @param target                     base URI of the server, e.g. {@code http://127.0.0.1:8080}
 * @param mix                        which transports, in which proportion
 * @param sessions                   number of concurrent sessions the run opens (with {@code agent},
 *                                   of all agents together: see {@link #processTransports()})
 * @param rampUp                     time over which sessions are opened, evenly spaced (zero: all at once)
 * @param duration                   how long the run lasts after the ramp-up started
 * @param pollInterval               short poll: time between intended send times of one session
 * @param browser                    send {@code Connection: keep-alive} and cap each virtual browser
 *                                   at {@link #BROWSER_CONNECTIONS_PER_ORIGIN} connections
 * @param sessionsPerBrowser         with {@code browser}: how many sessions share one virtual browser
 *                                   (its connection cap and its keep-alive pool); otherwise 1
 * @param sseReconnectDelay          SSE reconnect delay until the server sends {@code retry:};
 *                                   WebSocket reconnect delay
 * @param sourceAddresses            spread connections over 127.0.0.1 .. 127.0.0.N (1 = only 127.0.0.1);
 *                                   agent I of a split run takes the N after the agents before it
 *                                   ({@link #sourceAddressRange()})
 * @param connectTimeout             TCP connect time limit; a connect past it counts as a timeout failure
 * @param serverMaxKeepAliveRequests the server's {@code maxKeepAliveRequests}, to tell a close at
 *                                   the keep-alive limit from any other server close
 * @param pollsPerSession            short and long poll: each session stops after this many polls
 *                                   (0 = it polls until the run ends); for exact request counts
 * @param requestTimeout             short and long poll: a poll without a complete answer after this
 *                                   long is abandoned (0 = never); {@code null}: the default of
 *                                   {@link #requestTimeout(Transport)}
 * @param serverLongPollHold         the server's {@code --long-poll-hold}, for the long poll's default timeout
 * @param connectionHeader           the {@code Connection} header of every request (keep-alive or none)
 * @param endpoints                  the target's endpoint paths and protocol: harness-server's own,
 *                                   or a foreign application's ({@code --endpoints})
 * @param agent                      which slice of the {@code sessions} this process runs
 *                                   ({@code --agent I/N}); {@link AgentSlice#WHOLE} for all of them
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
        int pollsPerSession,
        Duration requestTimeout,
        Duration serverLongPollHold,
        RequestConnectionHeader connectionHeader,
        Endpoints endpoints,
        AgentSlice agent) {

    /** A scenario whose process runs every planned session (no {@code --agent}). */
    public Scenario(URI target, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, int serverMaxKeepAliveRequests, int pollsPerSession,
            Duration requestTimeout, Duration serverLongPollHold, RequestConnectionHeader connectionHeader,
            Endpoints endpoints) {
        this(target, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser, sseReconnectDelay,
                sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, pollsPerSession, requestTimeout,
                serverLongPollHold, connectionHeader, endpoints, AgentSlice.WHOLE);
    }

    /** This process's sessions, in the order the ramp-up starts them: its agent's slice of the plan. */
    public List<Transport> processTransports() {
        return agent.transports(mix, sessions);
    }

    /** The id of this process's first session (0 unless it is an agent after the first). */
    public int firstSessionId() {
        return agent.firstSessionId(mix, sessions);
    }

    /** This process's source addresses: its agent's own {@code sourceAddresses} of 127.0.0.x. */
    public SourceAddressRange sourceAddressRange() {
        return SourceAddressRange.of(agent, sourceAddresses);
    }

    /** A scenario against harness-server's own endpoints. */
    public Scenario(URI target, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, int serverMaxKeepAliveRequests, int pollsPerSession,
            Duration requestTimeout, Duration serverLongPollHold, RequestConnectionHeader connectionHeader) {
        this(target, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser, sseReconnectDelay,
                sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, pollsPerSession, requestTimeout,
                serverLongPollHold, connectionHeader, Endpoints.HARNESS);
    }

    /** A scenario whose requests carry the {@code Connection} header of {@link RequestConnectionHeader#defaultFor}. */
    public Scenario(URI target, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, int serverMaxKeepAliveRequests, int pollsPerSession,
            Duration requestTimeout, Duration serverLongPollHold) {
        this(target, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser, sseReconnectDelay,
                sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, pollsPerSession, requestTimeout,
                serverLongPollHold, RequestConnectionHeader.defaultFor(browser));
    }

    /** HTTP/1.1 browsers open at most this many connections per origin. */
    public static final int BROWSER_CONNECTIONS_PER_ORIGIN = 6;

    /** Short poll's default request timeout. */
    public static final Duration SHORT_POLL_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Long poll's default request timeout beyond the server's hold: an answer this late is not coming. */
    public static final Duration LONG_POLL_REQUEST_TIMEOUT_MARGIN = Duration.ofSeconds(10);

    /** The server's default {@code --long-poll-hold}, for a server that does not report its own. */
    public static final Duration DEFAULT_SERVER_LONG_POLL_HOLD = Duration.ofSeconds(30);

    /** A scenario whose polls take the default request timeout, against a server holding long polls the default time. */
    public Scenario(URI target, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, int serverMaxKeepAliveRequests, int pollsPerSession) {
        this(target, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser, sseReconnectDelay,
                sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, pollsPerSession, null,
                DEFAULT_SERVER_LONG_POLL_HOLD);
    }

    /**
     * How long a request of {@code transport} may go without a complete answer before the session
     * abandons it; {@link Duration#ZERO} for never. SSE and WebSocket streams are never timed out.
     * Polls take {@code requestTimeout} when given, else 30 s for a short poll and the server's
     * long-poll hold plus 10 s for a long poll.
     */
    public Duration requestTimeout(Transport transport) {
        return switch (transport) {
            case SSE, WS -> Duration.ZERO;
            case SHORT_POLL -> requestTimeout != null ? requestTimeout : SHORT_POLL_REQUEST_TIMEOUT;
            case LONG_POLL -> requestTimeout != null ? requestTimeout
                    : serverLongPollHold.plus(LONG_POLL_REQUEST_TIMEOUT_MARGIN);
        };
    }
    /** A scenario whose polling sessions poll until the run ends ({@code pollsPerSession} 0). */
    public Scenario(URI target, TransportMix mix, int sessions, Duration rampUp, Duration duration,
            Duration pollInterval, boolean browser, int sessionsPerBrowser, Duration sseReconnectDelay,
            int sourceAddresses, Duration connectTimeout, int serverMaxKeepAliveRequests) {
        this(target, mix, sessions, rampUp, duration, pollInterval, browser, sessionsPerBrowser,
                sseReconnectDelay, sourceAddresses, connectTimeout, serverMaxKeepAliveRequests, 0);
    }
}
