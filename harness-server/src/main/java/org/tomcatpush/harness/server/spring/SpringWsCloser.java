package org.tomcatpush.harness.server.spring;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;

/**
 * Closes one Spring WebSocket session from the server side and counts it in {@link ServerCloses}
 * under its cause, once, whichever of the handler and its pump closes it first (the Spring twin of
 * the servlet flavour's session closer).
 */
final class SpringWsCloser {

    private final WebSocketSession session;
    private final ServerCloses closes;
    private final AtomicBoolean counted = new AtomicBoolean();

    SpringWsCloser(WebSocketSession session, ServerCloses closes) {
        this.session = session;
        this.closes = closes;
    }

    /** Closes the session with {@code status} and {@code reason}, counted under {@code cause}. */
    void close(CloseStatus status, String reason, ServerCloseCause cause) {
        if (counted.compareAndSet(false, true) && session.isOpen()) {
            closes.closed(cause);
        }
        try {
            // a close reason is limited to 123 bytes on the wire
            session.close(status.withReason(reason.length() > 120 ? reason.substring(0, 120) : reason));
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }

    /** Closes the session after a failed send, counted by the failure's cause. */
    void sendFailed(Throwable failure) {
        close(CloseStatus.NO_CLOSE_FRAME, "send failed", ServerCloseCause.ofFailure(failure));
    }
}
