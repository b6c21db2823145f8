package org.tomcatpush.harness.client.session;

import java.net.InetSocketAddress;
import java.util.List;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.netty.channel.ChannelManager;
import org.asynchttpclient.netty.request.NettyRequest;
import org.asynchttpclient.uri.Uri;
import org.asynchttpclient.ws.WebSocket;
import org.asynchttpclient.ws.WebSocketListener;
import org.asynchttpclient.ws.WebSocketUpgradeHandler;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * WebSocket ({@code GET /ws?since=SEQ}, upgraded): every text frame is a message or a gap notice.
 * When the socket closes the session waits the scenario's reconnect delay and opens it again with
 * {@code since} set to the last message it has. A close frame from the server counts as the stream
 * ending cleanly; a socket lost without one (code 1006) or an error as the connection lost.
 *
 * <p>Text frames are read in place: once the socket is open, a {@link TextFrameScanner} just before
 * async-http-client's WebSocket handler feeds each text frame's buffer to the message scanner and
 * releases it, so no frame is decoded to a String. Other frames (close, ping) go on to
 * async-http-client; a frame decoded before the scanner was in place (in the same read as the
 * upgrade answer) still arrives through {@link #onTextFrame}.
 */
final class WebSocketSession extends StreamSession implements WebSocketListener {

    private static final int ABNORMAL_CLOSURE = 1006;
    private static final int CANNOT_ACCEPT = 1003;

    private final Uri endpoint;
    /** Name of the in-place text frame reader in the connection's pipeline. */
    static final String TEXT_FRAME_SCANNER = "harness-ws-text";

    private volatile WebSocket webSocket;
    /** The connection of the upgrade in flight or the open socket; set when its TCP connect succeeds. */
    private volatile Channel channel;
    private volatile ListenableFuture<?> upgrade;

    WebSocketSession(SessionContext context, VirtualClient client) {
        super(context, client, Transport.WS);
        this.endpoint = context.endpoint(Transport.WS);
    }

    @Override
    protected void exchange() {
        attemptStarted();
        webSocket = null;
        channel = null;
        Uri uri = sequence.started() ? endpoint.withNewQuery("since=" + sequence.lastSeq()) : endpoint;
        try {
            upgrade = context.client().executeRequest(client.get(uri).build(), new UpgradeHandler(this));
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
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.sendCloseFrame();
            return;
        }
        ListenableFuture<?> future = upgrade;
        if (future != null) {
            future.cancel(true);
        }
    }

    @Override
    public void onOpen(WebSocket websocket) {
        webSocket = websocket;
        upgrade = null;
        Channel connection = channel;
        // on the connection's event loop: the frames read after this go through the scanner
        if (connection != null && connection.pipeline().get(ChannelManager.AHC_WS_HANDLER) != null
                && connection.pipeline().get(TEXT_FRAME_SCANNER) == null) {
            connection.pipeline().addBefore(ChannelManager.AHC_WS_HANDLER, TEXT_FRAME_SCANNER, new TextFrameScanner(this));
        }
        streamOpened();
    }

    @Override
    public void onTextFrame(String payload, boolean finalFragment, int rsv) {
        scanner.reset();
        scanner.feed(payload);
        if (finalFragment) {
            scanner.end();
        }
    }

    @Override
    public void onClose(WebSocket websocket, int code, String reason) {
        webSocket = null;
        if (code == CANNOT_ACCEPT && sequence.started() && !context.foreign()) {
            cursorRefused(); // the server refuses only a since ahead of its newest message
            return;
        }
        streamOver(code != ABNORMAL_CLOSURE, null);
    }

    @Override
    public void onError(Throwable failure) {
        webSocket = null;
        streamOver(false, failure);
    }

    /** The stock upgrade handler, telling its session when the upgrade request is written. */
    private static final class UpgradeHandler extends WebSocketUpgradeHandler {

        private final WebSocketSession session;

        UpgradeHandler(WebSocketSession session) {
            super(List.of(session));
            this.session = session;
        }

        @Override
        public void onRequestSend(NettyRequest request) {
            session.streamRequestSent();
        }

        @Override
        public void onTcpConnectSuccess(InetSocketAddress remoteAddress, Channel connection) {
            session.channel = connection;
        }
    }

    /**
     * Reads text frames (and their continuations) in place into the session's message scanner and
     * releases them; passes every other frame on. Runs on the connection's event loop.
     */
    private static final class TextFrameScanner extends ChannelInboundHandlerAdapter {

        private final WebSocketSession session;
        /** Whether the continuation frames that follow belong to a text message. */
        private boolean inText;

        TextFrameScanner(WebSocketSession session) {
            this.session = session;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean first = msg instanceof TextWebSocketFrame;
            if (first || inText && msg instanceof ContinuationWebSocketFrame) {
                WebSocketFrame frame = (WebSocketFrame) msg;
                try {
                    if (first) {
                        session.scanner.reset();
                    }
                    session.scanner.feed(frame.content());
                    inText = !frame.isFinalFragment();
                    if (!inText) {
                        session.scanner.end();
                    }
                } finally {
                    frame.release();
                }
            } else {
                ctx.fireChannelRead(msg);
            }
        }
    }
}
