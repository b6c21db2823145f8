package org.tomcatpush.harness.server.transport;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;

/**
 * Closes one WebSocket session from the server side and counts it in {@link ServerCloses} under
 * its cause, once, whichever of the endpoint and its pump closes it first. A WebSocket session is
 * one TCP connection of its own, so one count per session is one per connection.
 */
final class WsSessionCloser {

    private final Session session;
    private final ServerCloses closes;
    private final AtomicBoolean counted = new AtomicBoolean();

    WsSessionCloser(Session session, ServerCloses closes) {
        this.session = session;
        this.closes = closes;
    }

    /** Closes the session with {@code code} and {@code reason}, counted under {@code cause}. */
    void close(CloseReason.CloseCode code, String reason, ServerCloseCause cause) {
        if (counted.compareAndSet(false, true) && session.isOpen()) {
            closes.closed(cause);
        }
        try {
            // a close reason is limited to 123 bytes on the wire
            String text = reason.length() > 120 ? reason.substring(0, 120) : reason;
            session.close(new CloseReason(code, text));
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }

    /** Closes the session after a failed send, counted by the failure's cause. */
    void sendFailed(Throwable failure) {
        close(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "send failed", ServerCloseCause.ofFailure(failure));
    }
}
