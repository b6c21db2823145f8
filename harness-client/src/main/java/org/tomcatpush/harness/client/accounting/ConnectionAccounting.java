package org.tomcatpush.harness.client.accounting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import org.asynchttpclient.netty.channel.ChannelManager;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Identifies every TCP connection of a run and records what happened on it into the run's
 * {@link TransportRecorder}s: the connection itself, each request, the bytes on the wire and, once,
 * why it closed ({@link CloseCause}). It hooks into async-http-client through
 * {@link #channelInitializer()}, which must be installed as both the HTTP and the WebSocket
 * additional channel initializer; after that it needs no help from the sessions.
 *
 * <p>A connection belongs to the transport of the first request written on it (the request path
 * names the transport); each later request counts for its own transport. A connection that closes
 * before carrying any request is not counted. Once {@link #markStopping()} has been called every
 * close counts as {@link CloseCause#CLIENT}.
 *
 * <p>Thread-safe. Per connection it keeps a few fields, touched on that connection's event loop
 * only, except that {@link #closeAll(Duration)} records a lagging close from its own thread (each
 * close is recorded exactly once).
 */
public final class ConnectionAccounting {

    /** Name of the handler that counts raw bytes, first in the pipeline. */
    static final String WIRE_BYTES_HANDLER = "harness-wire-bytes";
    /** Name of the handler that follows requests and responses, right after the HTTP codec. */
    static final String TRACKER_HANDLER = "harness-connection";

    private final RunRecorder recorder;
    private final int serverMaxKeepAliveRequests;
    /** Connections whose close has not been recorded yet. */
    private final Set<ConnectionTracker> open = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * @param recorder                   where to record, per transport
     * @param serverMaxKeepAliveRequests the server's {@code maxKeepAliveRequests} (0 or less: no
     *                                   limit), to tell a close at the limit from any other server close
     */
    public ConnectionAccounting(RunRecorder recorder, int serverMaxKeepAliveRequests) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.serverMaxKeepAliveRequests = serverMaxKeepAliveRequests;
    }

    /** Installs the accounting handlers on a new connection; give it to both AHC channel initializer hooks. */
    public Consumer<Channel> channelInitializer() {
        return this::install;
    }

    /** From now on every close is the client's own: the run is ending. */
    public void markStopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    /** TCP connections open now (connecting or connected, their close not yet recorded), all transports. */
    public int openConnections() {
        return open.size();
    }

    /**
     * Closes every open connection and waits up to {@code timeout} for each close to be recorded
     * (as {@link CloseCause#CLIENT} once {@link #markStopping()} was called); a close still
     * unrecorded then, because its event loop lags, is recorded as the client's at once, so that
     * the figures are complete whatever the load.
     *
     * @return whether every close was recorded by its own event loop within {@code timeout}
     */
    public boolean closeAll(Duration timeout) {
        // one task per event loop rather than one cross-thread hand-over per connection
        Map<EventLoop, List<Channel>> byLoop = new HashMap<>();
        for (ConnectionTracker tracker : open) {
            Channel channel = tracker.channel();
            byLoop.computeIfAbsent(channel.eventLoop(), loop -> new ArrayList<>()).add(channel);
        }
        byLoop.forEach((loop, channels) -> {
            try {
                loop.execute(() -> channels.forEach(Channel::close));
            } catch (RejectedExecutionException e) {
                channels.forEach(Channel::close); // the loop is shutting down
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean allOnTime = open.isEmpty();
        for (ConnectionTracker tracker : open) {
            tracker.recordClientCloseNow();
        }
        return allOnTime;
    }

    /**
     * Whether the request in flight on {@code channel} is caught in the keep-alive race: the
     * connection had carried a complete exchange before this request and no byte of the answer
     * has arrived. A session asks this when its request fails, on the connection's event loop, to
     * tell a {@link CloseCause#STALE_CONNECTION} failure from any other; the close itself is
     * classified by the same rule.
     */
    public static boolean isStaleExchange(Channel channel) {
        ConnectionTracker tracker = channel.attr(ConnectionTracker.KEY).get();
        return tracker != null && tracker.staleExchange();
    }

    /** A tracker recorded its close. */
    void closed(ConnectionTracker tracker) {
        open.remove(tracker);
    }

    int serverMaxKeepAliveRequests() {
        return serverMaxKeepAliveRequests;
    }

    /** The recorder of the transport that serves {@code path}, or {@code null} if none of this run does. */
    TransportRecorder recorderForPath(String uri) {
        Transport transport = transportOf(uri);
        return transport == null ? null : recorder.all().get(transport);
    }

    /** The transport whose endpoint is the last path segment of a request URI ({@code /sse?since=3} is SSE). */
    static Transport transportOf(String uri) {
        int end = uri.indexOf('?');
        if (end < 0) {
            end = uri.length();
        }
        for (Transport t : Transport.values()) {
            String path = t.path();
            int start = end - path.length();
            if (start >= 0 && uri.regionMatches(start, path, 0, path.length())) {
                return t;
            }
        }
        return null;
    }

    private void install(Channel channel) {
        ConnectionTracker tracker = new ConnectionTracker(this, channel);
        channel.pipeline().addFirst(WIRE_BYTES_HANDLER, new WireByteCounter(tracker));
        channel.pipeline().addAfter(ChannelManager.HTTP_CLIENT_CODEC, TRACKER_HANDLER, tracker);
        open.add(tracker);
    }
}
