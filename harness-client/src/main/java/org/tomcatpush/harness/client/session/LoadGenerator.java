package org.tomcatpush.harness.client.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tomcatpush.harness.client.accounting.ConnectionAccounting;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.scenario.RequestConnectionHeader;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.SourceAddressRange;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Opens and drives a run's sessions; thread-safe.
 *
 * <p>Each session is a small state machine of its transport on one shared async-http-client; no
 * session owns a thread. It records into the {@link RunRecorder} given here: per transport the
 * sessions (opened at least once, time to first message), requests, connections and why each
 * closed, stream ends and reconnects, connect failures, messages (latency, lost, duplicated),
 * bytes and errors. Each session is its own virtual client (its own
 * keep-alive connections, like one browser tab); with {@code Scenario.browser()} every
 * {@code sessionsPerBrowser} sessions of the same transport share one virtual browser capped at
 * {@code Scenario.BROWSER_CONNECTIONS_PER_ORIGIN} concurrent exchanges (further ones wait).
 * Virtual clients are spread over the scenario's source addresses ({@link SourceAddressRange}: 127.0.0.1 ..
 * 127.0.0.N, or an agent's own N), bound only toward an IPv4 loopback target. The run lasts
 * until {@link #close()}: timing it ({@code Scenario.duration()}) is the caller's business.
 *
 * <pre>
 * try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
 *     generator.start();                  // returns at once; sessions open over the ramp-up
 *     ... sample generator.openSessions() and recorder.forTransport(t).counters() ...
 * }                                       // close(): every connection closes, counted as a client close
 * </pre>
 */
public final class LoadGenerator implements AutoCloseable {

    /** close(): how long it waits for every connection to close (late ones are recorded anyway), ... */
    private static final Duration CONNECTIONS_CLOSE = Duration.ofMillis(1_500);
    /** ... for the sessions to see their connections gone, ... */
    private static final Duration SESSIONS_NOTICE = Duration.ofMillis(300);
    /** ... and for the client's event loops to stop: about 3 s in all on a machine that is not overloaded. */
    private static final Duration CLIENT_SHUTDOWN = Duration.ofMillis(1_000);

    private final Scenario scenario;
    private final RunRecorder recorder;
    private final ConnectionAccounting accounting;
    private HttpClientResources resources;
    private SessionContext context;
    private List<Session> sessions = List.of();
    private RampUp rampUp;
    private boolean started;
    private boolean closed;

    public LoadGenerator(Scenario scenario, RunRecorder recorder) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.accounting = new ConnectionAccounting(recorder, scenario.serverMaxKeepAliveRequests());
    }

    /**
     * Creates the HTTP client and the sessions without opening a connection, so that a later
     * {@link #start()} begins the ramp-up at once (a run waiting for {@code --start-at} prepares
     * before it waits). Idempotent.
     *
     * @throws IllegalStateException after {@link #close()}
     * @throws IllegalArgumentException if the target host cannot be resolved
     */
    public synchronized void prepare() {
        if (closed) {
            throw new IllegalStateException("the load generator is closed");
        }
        if (context != null) {
            return;
        }
        InetAddress targetAddress = resolve(scenario.target().getHost());
        resources = HttpClientResources.create(scenario, accounting);
        context = new SessionContext(resources.client(), resources.timer(), scenario, recorder);
        sessions = createSessions(targetAddress);
    }

    /**
     * Starts the ramp-up (preparing first if {@link #prepare()} was not called) and returns at once.
     *
     * @throws IllegalStateException if called twice or after {@link #close()}
     * @throws IllegalArgumentException if the target host cannot be resolved
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "the load generator is closed" : "the load generator was already started");
        }
        prepare();
        started = true;
        rampUp = new RampUp(sessions, scenario.rampUp(), resources.rampUpTimer());
        rampUp.start();
    }

    /** Sessions currently connected, all transports. */
    public int openSessions() {
        SessionContext c = context;
        return c == null ? 0 : c.openSessions().get();
    }

    /** How late the client's event loops ran since the start; {@link EventLoopDelay.Summary#UNKNOWN} before it. */
    public EventLoopDelay.Summary eventLoopDelay() {
        HttpClientResources r = resources;
        return r == null ? EventLoopDelay.Summary.UNKNOWN : r.eventLoopDelay().summary();
    }

    /** TCP connections the sessions hold open now, all transports. */
    public int openConnections() {
        return accounting.openConnections();
    }

    /**
     * Stops every session and closes every connection (each counted as a client close; WebSockets
     * are cut without a close handshake), then frees the client; returns within about 5 s. The
     * moment the sessions are stopped is the end of every wait for a first message still going on
     * (recorded censored). Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        accounting.markStopping();
        if (context == null) {
            return; // never prepared: no client to free
        }
        if (rampUp != null) {
            rampUp.cancel();
        }
        long stopNanos = System.nanoTime();
        for (Session session : sessions) {
            session.stop();
            session.censorFirstMessageWait(stopNanos);
        }
        accounting.closeAll(CONNECTIONS_CLOSE);
        // each session learns of its closed connection on an event loop; give them a moment
        long deadline = System.nanoTime() + SESSIONS_NOTICE.toNanos();
        while (context.openSessions().get() > 0 && System.nanoTime() < deadline) {
            sleepMillis(10);
        }
        for (Session session : sessions) {
            session.closeAccounting();
        }
        resources.close(CLIENT_SHUTDOWN);
    }

    private List<Session> createSessions(InetAddress targetAddress) {
        List<Transport> transports = scenario.processTransports();
        List<Session> created = new ArrayList<>(transports.size());
        Map<Transport, Integer> perTransport = new EnumMap<>(Transport.class);
        Map<Transport, VirtualClient> currentBrowser = new EnumMap<>(Transport.class);
        int sessionsPerBrowser = Math.max(1, scenario.sessionsPerBrowser());
        // an agent's virtual clients continue the numbering of the agents before it
        int clients = scenario.firstSessionId();
        SourceAddressRange sources = SourceAddressRange.appliesTo(targetAddress) ? scenario.sourceAddressRange() : null;
        for (Transport transport : transports) {
            int indexInTransport = perTransport.merge(transport, 1, Integer::sum) - 1;
            VirtualClient client;
            if (!scenario.browser()) {
                client = newClient(clients++, sources, targetAddress, null);
            } else if (indexInTransport % sessionsPerBrowser == 0) {
                client = newClient(clients++, sources, targetAddress,
                        new ConnectionPermits(Scenario.BROWSER_CONNECTIONS_PER_ORIGIN));
                currentBrowser.put(transport, client);
            } else {
                client = currentBrowser.get(transport);
            }
            created.add(newSession(transport, client));
        }
        return List.copyOf(created);
    }

    /** @param sources the source addresses to bind, or {@code null} to let the system choose (a target off loopback) */
    private VirtualClient newClient(int clientId, SourceAddressRange sources, InetAddress targetAddress,
            ConnectionPermits permits) {
        return new VirtualClient(clientId, sources == null ? null : sources.address(clientId), targetAddress,
                scenario.connectionHeader() == RequestConnectionHeader.KEEP_ALIVE, permits);
    }

    private Session newSession(Transport transport, VirtualClient client) {
        switch (transport) {
            case SHORT_POLL:
                return new ShortPollSession(context, client);
            case LONG_POLL:
                return new LongPollSession(context, client);
            case SSE:
                return new SseSession(context, client);
            case WS:
                return new WebSocketSession(context, client);
            default:
                throw new IllegalArgumentException("no session for transport " + transport);
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve target host '" + host + "': use an IP address or a known host name");
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
