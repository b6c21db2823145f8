package org.tomcatpush.harness.client.session;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;

import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.netty.channel.ChannelManager;
import org.asynchttpclient.netty.request.NettyRequest;
import org.asynchttpclient.uri.Uri;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Server-Sent Events ({@code GET /sse}) as a browser's {@code EventSource} does them: the stream is
 * parsed as it arrives, {@code retry:} replaces the reconnect delay (the scenario's until then), and
 * when the stream ends or breaks the session waits that delay and reconnects with
 * {@code Last-Event-ID}, so the server replays what was published in between.
 *
 * <p>Once the stream is open, its body is read beneath async-http-client. A {@link RawChunkReader}
 * before Netty's HTTP decoder reads the chunks off the connection's bytes and feeds their data to
 * the parser; it hands the rest to the decoder at the last chunk or at anything it does not read
 * itself. The chunks the decoder decodes then go to a {@link ChunkReader} just before
 * async-http-client's HTTP handler, which feeds each chunk's buffer to the parser and releases
 * it, sparing async-http-client's per-chunk dispatch and body part; the end of the response still
 * goes to async-http-client, which completes the exchange, and both readers leave the connection's
 * pipeline by then. A chunk that reaches async-http-client anyway (no reader in place) is parsed
 * in {@link #onBodyPartReceived}.
 */
final class SseSession extends StreamSession implements AsyncHandler<Void>, SseParser.Listener {

    private static final String LAST_EVENT_ID = "Last-Event-ID";
    /** Name of the chunk reader in a connection's pipeline while it carries an open stream. */
    static final String CHUNK_READER = "harness-sse-chunks";

    private final Uri endpoint;
    private final SseParser parser = new SseParser(this);
    private boolean statusOk;
    private volatile ListenableFuture<Void> inFlight;
    /** The connection of the attempt in flight, once known (connected or taken from the pool). */
    private volatile Channel channel;
    /** The raw chunk reader of the attempt in flight, from its request's write on; null without one. */
    private volatile RawChunkReader rawReader;

    SseSession(SessionContext context, VirtualClient client) {
        super(context, client, Transport.SSE);
        this.endpoint = context.endpoint(Transport.SSE);
    }

    @Override
    protected void exchange() {
        attemptStarted();
        parser.startStream();
        statusOk = false;
        channel = null;
        rawReader = null;
        RequestBuilder request = client.get(endpoint)
                .setHeader(HttpHeaderNames.ACCEPT, "text/event-stream")
                .setHeader(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        String lastEventId = parser.lastEventId();
        if (!lastEventId.isEmpty()) {
            request.setHeader(LAST_EVENT_ID, lastEventId);
        }
        try {
            inFlight = context.client().executeRequest(request.build(), this);
        } catch (RuntimeException e) {
            streamOver(false, e); // the client is closing
            return;
        }
        if (stopped()) {
            abortExchange();
        }
    }

    @Override
    protected void abortExchange() {
        ListenableFuture<Void> future = inFlight;
        if (future != null) {
            future.cancel(true);
        }
    }

    @Override
    public void onRequestSend(NettyRequest request) {
        streamRequestSent();
        installRawReader();
    }

    /**
     * As the stream request is written, before any byte of the answer can arrive: the raw chunk
     * reader goes in before the HTTP decoder (a pipeline change made off the event loop takes
     * effect there before the write, which is queued after it).
     */
    private void installRawReader() {
        Channel connection = channel;
        if (connection == null) {
            return;
        }
        ChannelPipeline pipeline = connection.pipeline();
        if (pipeline.get(ChannelManager.HTTP_CLIENT_CODEC) == null) {
            return;
        }
        if (pipeline.get(RawChunkReader.NAME) != null) {
            pipeline.remove(RawChunkReader.NAME); // a stream that never answered left it: it is not this one's
        }
        RawChunkReader reader = new RawChunkReader(parser);
        pipeline.addBefore(ChannelManager.HTTP_CLIENT_CODEC, RawChunkReader.NAME, reader);
        rawReader = reader;
    }

    @Override
    public void onTcpConnectSuccess(InetSocketAddress remoteAddress, Channel connection) {
        channel = connection;
    }

    @Override
    public void onConnectionPooled(Channel connection) {
        channel = connection;
    }

    @Override
    public State onStatusReceived(HttpResponseStatus status) {
        statusOk = status.getStatusCode() == 200;
        if (status.getStatusCode() == 400 && sequence.started() && !context.foreign()) {
            cursorRefused(); // the only 400 a resuming stream gets: Last-Event-ID ahead of the server
            return State.ABORT;
        }
        if (!statusOk) {
            return State.ABORT;
        }
        installChunkReader();
        streamOpened();
        return State.CONTINUE;
    }

    /** On the connection's event loop, as the status is read: the chunks after it go to the reader. */
    private void installChunkReader() {
        Channel connection = channel;
        if (connection == null || !connection.eventLoop().inEventLoop()) {
            return;
        }
        ChannelPipeline pipeline = connection.pipeline();
        if (pipeline.get(ChannelManager.AHC_HTTP_HANDLER) != null && pipeline.get(CHUNK_READER) == null) {
            pipeline.addBefore(ChannelManager.AHC_HTTP_HANDLER, CHUNK_READER, new ChunkReader(parser));
        }
    }

    @Override
    protected void epochRestarted() {
        parser.resetLastEventId("0");
    }

    @Override
    public State onHeadersReceived(HttpHeaders headers) {
        RawChunkReader reader = rawReader;
        if (statusOk && reader != null
                && headers.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)) {
            reader.takeBody();
        }
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
        parser.feed(bodyPart.getBodyByteBuf());
        return State.CONTINUE;
    }

    @Override
    public void onEvent(SseParser event) {
        scanner.reset();
        foreignEventId = context.foreign() ? event.eventIdNumber() : -1;
        scanner.feed(event.data(), 0, event.dataLength());
        scanner.end();
    }

    @Override
    public void onRetry(long retryMs) {
        reconnectDelayMs(retryMs);
    }

    @Override
    public Void onCompleted() {
        inFlight = null;
        streamOver(statusOk, null);
        return null;
    }

    @Override
    public void onThrowable(Throwable failure) {
        inFlight = null;
        streamOver(false, failure);
    }

    /**
     * Feeds the body chunks of one open stream to its parser in place and releases them; hands the
     * end of the response on to async-http-client and leaves the pipeline, so a connection back
     * in the pool carries no reader. Runs on the connection's event loop.
     */
    private static final class ChunkReader extends ChannelInboundHandlerAdapter {

        private final SseParser parser;

        ChunkReader(SseParser parser) {
            this.parser = parser;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof LastHttpContent) {
                ctx.pipeline().remove(this);
                ctx.fireChannelRead(msg);
            } else if (msg instanceof HttpContent content) {
                try {
                    parser.feed(content.content());
                } finally {
                    content.release();
                }
            } else {
                ctx.fireChannelRead(msg);
            }
        }
    }
}
