package org.tomcatpush.harness.client.session;

import java.util.List;

import org.asynchttpclient.ListenableFuture;
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
 */
final class WebSocketSession extends StreamSession implements WebSocketListener {

    private static final int ABNORMAL_CLOSURE = 1006;
    private static final int CANNOT_ACCEPT = 1003;

    private final Uri endpoint;
    private volatile WebSocket webSocket;
    private volatile ListenableFuture<?> upgrade;

    WebSocketSession(SessionContext context, VirtualClient client) {
        super(context, client, Transport.WS);
        this.endpoint = context.endpoint(Transport.WS);
    }

    @Override
    protected void exchange() {
        attemptStarted();
        webSocket = null;
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
        streamOpened();
    }

    @Override
    public void onTextFrame(String payload, boolean finalFragment, int rsv) {
        scanner.reset();
        scanner.feed(payload);
    }

    @Override
    public void onClose(WebSocket websocket, int code, String reason) {
        webSocket = null;
        if (code == CANNOT_ACCEPT && sequence.started()) {
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
    }
}
