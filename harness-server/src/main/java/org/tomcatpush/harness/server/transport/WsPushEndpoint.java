package org.tomcatpush.harness.server.transport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import org.tomcatpush.harness.server.config.HandlerMode;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;

/**
 * {@code GET /ws?since=SEQ}: a JSR-356 endpoint pushing each message as one text frame. In async
 * mode {@link WsAsyncPump} sends with {@code getAsyncRemote()} and {@code onOpen} returns at once;
 * in blocking mode {@code onOpen} keeps the container thread and sends with
 * {@code getBasicRemote()} until the session or the hub closes. WebSocket has no
 * {@code AsyncContext}, so {@code async-container} runs as async here. A bad {@code since} closes the
 * session with code 1003 and the reason. Every close the server makes is counted by its cause
 * ({@link WsSessionCloser}). One instance per session.
 */
public final class WsPushEndpoint extends jakarta.websocket.Endpoint {

    /** How often a blocking session that has nothing to send checks that it is still open. */
    private static final long BLOCKING_CHECK_MS = 1_000;

    private final TransportContext context;
    private final AtomicBoolean counted = new AtomicBoolean();
    private volatile WsAsyncPump pump;

    WsPushEndpoint(TransportContext context) {
        this.context = context;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        context.counters().handlerEntered();
        WsSessionCloser closer = new WsSessionCloser(session, context.counters().closes());
        try {
            long cursor;
            try {
                cursor = Cursors.start(context.hub(), parameter(session, "since"), null);
            } catch (BadCursorException e) {
                closer.close(CloseReason.CloseCodes.CANNOT_ACCEPT, e.getMessage(), ServerCloseCause.CLOSING_RESPONSE);
                return;
            }
            if (counted.compareAndSet(false, true)) {
                context.counters().wsOpened();
            }
            if (context.config().handler().releasesThread()) {
                WsAsyncPump started = new WsAsyncPump(session, closer, cursor, context);
                pump = started;
                started.start();
            } else {
                sendUntilClosed(session, closer, cursor);
            }
        } finally {
            context.counters().handlerExited();
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        WsAsyncPump started = pump;
        if (started != null) {
            started.stop();
        }
        if (counted.compareAndSet(true, false)) {
            context.counters().wsClosed();
        }
    }

    @Override
    public void onError(Session session, Throwable thr) {
        WsAsyncPump started = pump;
        if (started != null) {
            started.stop();
        }
    }

    private void sendUntilClosed(Session session, WsSessionCloser closer, long position) {
        MessageHub hub = context.hub();
        HubCursor cursor = new HubCursor(hub, position);
        try {
            while (session.isOpen() && !hub.isClosed()) {
                for (String frame; (frame = WsItems.frame(cursor, cursor.next())) != null; ) {
                    session.getBasicRemote().sendText(frame);
                    context.counters().bytesWritten(Endpoint.WS, frame.length());
                }
                hub.awaitAfter(cursor.position(), MessageHub.deadlineAfter(BLOCKING_CHECK_MS, TimeUnit.MILLISECONDS));
            }
            if (session.isOpen()) {
                closer.close(CloseReason.CloseCodes.GOING_AWAY, "server stopping", ServerCloseCause.STREAM_END);
            }
        } catch (IOException | RuntimeException e) {
            closer.sendFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
