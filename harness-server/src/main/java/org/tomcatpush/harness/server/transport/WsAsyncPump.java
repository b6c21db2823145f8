package org.tomcatpush.harness.server.transport;


import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;

/**
 * Async WebSocket delivery: at most one {@code sendText} in flight per session; its completion
 * sends the next. Signalled by the publisher, drained by one thread at a time (work-in-progress
 * counter), so a session whose client stops reading only stops itself. A failed send closes this
 * session only, counted by its cause through the session's {@link WsSessionCloser}.
 */
final class WsAsyncPump implements MessageHub.Subscriber, SendHandler {

    private final WsSessionCloser closer;
    private final RemoteEndpoint.Async remote;
    private final HubCursor cursor;
    private final TransportContext context;
    private final SerialDrain sender = new SerialDrain(this::sendWhatIsDue);
    private volatile boolean inFlight;
    private volatile boolean stopped;

    WsAsyncPump(Session session, WsSessionCloser closer, long cursor, TransportContext context) {
        this.closer = closer;
        this.remote = session.getAsyncRemote();
        this.cursor = new HubCursor(context.hub(), cursor);
        this.context = context;
    }

    void start() {
        context.hub().subscribe(this);
        signal();
    }

    void stop() {
        stopped = true;
        context.hub().unsubscribe(this);
    }

    @Override
    public void onPublished() {
        signal();
    }

    @Override
    public void onResult(SendResult result) {
        inFlight = false;
        if (!result.isOK()) {
            stop();
            closer.sendFailed(result.getException());
            return;
        }
        signal();
    }

    private void signal() {
        sender.signal();
    }

    private void sendWhatIsDue() {
        while (!stopped && !inFlight) {
            if (context.hub().isClosed()) {
                stop();
                closer.close(CloseReason.CloseCodes.GOING_AWAY, "server stopping", ServerCloseCause.STREAM_END);
                return;
            }
            String frame = WsItems.frame(cursor, cursor.next());
            if (frame == null) {
                return;
            }
            inFlight = true;
            context.counters().bytesWritten(Endpoint.WS, frame.length());
            try {
                remote.sendText(frame, this);
            } catch (RuntimeException e) {
                inFlight = false;
                stop();
                closer.sendFailed(e);
            }
        }
    }
}
