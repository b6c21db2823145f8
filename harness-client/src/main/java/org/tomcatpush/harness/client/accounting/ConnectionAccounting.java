package org.tomcatpush.harness.client.accounting;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

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
 * <p>Thread-safe. Per connection it keeps a few fields, touched only on that connection's event loop.
 */
public final class ConnectionAccounting {

    /** Name of the handler that counts raw bytes, first in the pipeline. */
    static final String WIRE_BYTES_HANDLER = "harness-wire-bytes";
    /** Name of the handler that follows requests and responses, right after the HTTP codec. */
    static final String TRACKER_HANDLER = "harness-connection";

    private final RunRecorder recorder;
    private final int serverMaxKeepAliveRequests;
    private final ChannelGroup openChannels = new DefaultChannelGroup("harness-connections", GlobalEventExecutor.INSTANCE);
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

    /** TCP connections open now (connected, not yet closed), all transports. */
    public int openConnections() {
        return openChannels.size();
    }

    /**
     * Closes every open connection (each counts as {@link CloseCause#CLIENT} once
     * {@link #markStopping()} was called) and waits for them to close.
     *
     * @return whether all closed within {@code timeout}
     */
    public boolean closeAll(Duration timeout) {
        return openChannels.close().awaitUninterruptibly(timeout.toMillis());
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
        ConnectionTracker tracker = new ConnectionTracker(this);
        channel.pipeline().addFirst(WIRE_BYTES_HANDLER, new WireByteCounter(tracker));
        channel.pipeline().addAfter(ChannelManager.HTTP_CLIENT_CODEC, TRACKER_HANDLER, tracker);
        openChannels.add(channel);
    }
}
