package org.tomcatpush.harness.client.accounting;

import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.PromiseNotifier;

/**
 * Follows one TCP connection from right after the HTTP codec (after a WebSocket upgrade: after the
 * frame codec): each request written, each response read and whether it said
 * {@code Connection: close}, WebSocket close frames, errors and who closed the connection. When the
 * connection goes inactive it records the close once, classified as follows, first match wins:
 * <ol>
 *   <li>the run is stopping: {@link CloseCause#CLIENT};</li>
 *   <li>a complete response said {@code Connection: close}: {@link CloseCause#KEEPALIVE_LIMIT} if
 *       it was the server's {@code maxKeepAliveRequests}-th request, else {@link CloseCause#SERVER_OTHER};</li>
 *   <li>the server sent a WebSocket close frame first: {@link CloseCause#SERVER_OTHER};</li>
 *   <li>a request was in flight on a reused connection (it had carried a complete exchange before),
 *       no byte of its answer had arrived, and the client did not close it on its own (it was closed
 *       by the server, or reset): {@link CloseCause#STALE_CONNECTION}, the keep-alive race;</li>
 *   <li>an I/O or protocol error was seen: {@link CloseCause#ERROR};</li>
 *   <li>the client closed it (or sent a WebSocket close frame first): {@link CloseCause#CLIENT};</li>
 *   <li>the server closed it with a request in flight or a WebSocket open: {@link CloseCause#SERVER_OTHER};</li>
 *   <li>the server closed it with nothing in flight: {@link CloseCause#IDLE_TIMEOUT}.</li>
 * </ol>
 * It also times the connect (from the connect call to the connection being established, recorded
 * with the connection when its first request counts it) and records the keep-alive headers of the
 * first response ({@link FirstResponseHeaders}).
 * Netty calls it on the connection's event loop only; the one exception is
 * {@link #recordClientCloseNow()}, which the end of a run may call from another thread, so the close
 * is recorded once, whichever comes first.
 */
final class ConnectionTracker extends ChannelDuplexHandler {

    /** Where a connection keeps its tracker, for {@link ConnectionAccounting#isStaleExchange(Channel)}. */
    static final AttributeKey<ConnectionTracker> KEY = AttributeKey.valueOf(ConnectionTracker.class, "tracker");

    private final ConnectionAccounting accounting;
    private final AtomicBoolean recorded = new AtomicBoolean();
    private final Channel channel;
    /** The transport of the first request; null until then (the connection is not counted before). */
    private volatile TransportRecorder recorder;
    private long requests;
    private boolean exchangeInFlight;
    private boolean responseSaysClose;
    private boolean serverAnnouncedClose;
    private long requestsWhenAnnounced;
    private boolean upgraded;
    private boolean serverSentCloseFrame;
    private boolean clientSentCloseFrame;
    private boolean failed;
    private boolean clientClosed;
    /** Responses read to their end on this connection. */
    private long exchangesCompleted;
    /** Whether any byte arrived since the last request was written. */
    private boolean bytesSinceRequest;
    /** How long the connect took, microseconds; -1 until it is known. */
    private long connectMicros = -1;
    /** Whether the first response's keep-alive headers were recorded: once per connection. */
    private boolean firstResponseRecorded;

    ConnectionTracker(ConnectionAccounting accounting, Channel channel) {
        this.accounting = accounting;
        this.channel = channel;
        channel.attr(KEY).set(this);
    }

    /**
     * Times the connect on a promise of its own, completed before the caller's: async-http-client
     * writes its request from the caller's listener, which runs before {@code channelActive}.
     */
    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remoteAddress, SocketAddress localAddress,
            ChannelPromise promise) throws Exception {
        long startNanos = System.nanoTime();
        ChannelPromise timed = ctx.newPromise();
        timed.addListener(f -> {
            if (f.isSuccess()) {
                connectMicros = (System.nanoTime() - startNanos) / 1_000;
            }
        });
        PromiseNotifier.cascade(timed, promise);
        ctx.connect(remoteAddress, localAddress, timed);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpRequest) {
            onRequest((HttpRequest) msg);
        } else if (msg instanceof CloseWebSocketFrame && !serverSentCloseFrame) {
            clientSentCloseFrame = true;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof DecoderResultProvider && ((DecoderResultProvider) msg).decoderResult().isFailure()) {
            failed = true;
        }
        if (msg instanceof HttpResponse) {
            HttpResponse response = (HttpResponse) msg;
            if (response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                upgraded = true;
            }
            responseSaysClose = response.headers()
                    .containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
            if (!firstResponseRecorded && recorder != null) {
                firstResponseRecorded = true;
                recordFirstResponse(response.headers(), responseSaysClose);
            }
        }
        if (msg instanceof LastHttpContent) {
            exchangeInFlight = false;
            exchangesCompleted++;
            if (responseSaysClose) {
                serverAnnouncedClose = true;
                requestsWhenAnnounced = requests;
            }
        } else if (msg instanceof CloseWebSocketFrame && !clientSentCloseFrame) {
            serverSentCloseFrame = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        // a close under an unfinished response is the server's doing, judged by what was in flight
        if (!(cause instanceof ClosedChannelException) && !(cause instanceof PrematureChannelClosureException)) {
            failed = true;
        }
        ctx.fireExceptionCaught(cause);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        clientClosed = true;
        ctx.close(promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        record(classify());
        ctx.fireChannelInactive();
    }

    Channel channel() {
        return channel;
    }

    /**
     * Records the close now, as the client's, if it has not been recorded yet: for connections the
     * end of a run closed but whose event loop has not caught up (or never will, once stopped).
     */
    void recordClientCloseNow() {
        record(CloseCause.CLIENT);
    }

    private void record(CloseCause cause) {
        if (recorded.compareAndSet(false, true)) {
            accounting.closed(this);
            TransportRecorder r = recorder;
            if (r != null) {
                r.connectionClosed(cause, requests);
            }
        }
    }

    /**
     * Whether the request in flight went onto a reused connection and no byte of its answer has
     * arrived: if the connection fails or closes now, this is the keep-alive race. Event loop only.
     */
    boolean staleExchange() {
        return exchangeInFlight && !bytesSinceRequest && exchangesCompleted > 0 && !upgraded;
    }

    void bytesRead(int bytes) {
        bytesSinceRequest = true;
        if (recorder != null) {
            recorder.bytesReceived(bytes);
        }
    }

    void bytesWritten(int bytes) {
        if (recorder != null) {
            recorder.bytesSent(bytes);
        }
    }

    private void onRequest(HttpRequest request) {
        TransportRecorder forRequest = accounting.recorderForPath(request.uri());
        if (recorder == null) {
            if (forRequest == null) {
                return;
            }
            recorder = forRequest;
            recorder.connectionOpened(connectMicros);
        }
        requests++;
        exchangeInFlight = true;
        bytesSinceRequest = false;
        responseSaysClose = false;
        (forRequest != null ? forRequest : recorder).requestSent();
    }

    /** Once per connection: what its first response said about keep-alive. */
    private void recordFirstResponse(HttpHeaders headers, boolean connectionClose) {
        String keepAlive = headers.get(HttpHeaderNames.KEEP_ALIVE);
        long timeoutS = FirstResponseHeaders.Recorder.NO_TIMEOUT;
        boolean hasMax = false;
        if (keepAlive != null) {
            for (String parameter : keepAlive.split(",")) {
                String p = parameter.trim();
                if (p.regionMatches(true, 0, "timeout=", 0, 8)) {
                    timeoutS = seconds(p.substring(8).trim());
                } else if (p.regionMatches(true, 0, "max=", 0, 4)) {
                    hasMax = true;
                }
            }
        }
        recorder.firstResponseHeaders().record(keepAlive != null, timeoutS, hasMax,
                headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE, true), connectionClose);
    }

    /** A {@code timeout=} value in whole seconds, or {@link FirstResponseHeaders.Recorder#NO_TIMEOUT} when it is not one. */
    private static long seconds(String value) {
        try {
            long s = Long.parseLong(value);
            return s >= 0 ? s : FirstResponseHeaders.Recorder.NO_TIMEOUT;
        } catch (NumberFormatException e) {
            return FirstResponseHeaders.Recorder.NO_TIMEOUT;
        }
    }

    private CloseCause classify() {
        if (accounting.isStopping()) {
            return CloseCause.CLIENT;
        }
        if (serverAnnouncedClose) {
            int limit = accounting.serverMaxKeepAliveRequests();
            return limit > 0 && requestsWhenAnnounced == limit ? CloseCause.KEEPALIVE_LIMIT : CloseCause.SERVER_OTHER;
        }
        if (serverSentCloseFrame) {
            return CloseCause.SERVER_OTHER;
        }
        if (staleExchange() && (failed || !clientClosed)) {
            return CloseCause.STALE_CONNECTION;
        }
        if (failed) {
            return CloseCause.ERROR;
        }
        if (clientClosed || clientSentCloseFrame) {
            return CloseCause.CLIENT;
        }
        return exchangeInFlight || upgraded ? CloseCause.SERVER_OTHER : CloseCause.IDLE_TIMEOUT;
    }
}
