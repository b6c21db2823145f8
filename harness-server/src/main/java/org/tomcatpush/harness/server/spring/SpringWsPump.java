package org.tomcatpush.harness.server.spring;

import java.io.IOException;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.transport.SerialDrain;
import org.tomcatpush.harness.server.transport.TransportContext;
import org.tomcatpush.harness.server.transport.WsFrames;

/**
 * Async delivery for {@link SpringWsHandler}: signalled by the publisher's fan-out, drained by one
 * thread at a time (a work-in-progress counter) with {@code WebSocketSession.sendMessage}, which in
 * Spring is a blocking send (Tomcat's basic remote): a client that stops reading holds the fan-out
 * shard that signals it until Tomcat's write gives up. A failed send closes this session only.
 */
final class SpringWsPump implements MessageHub.Subscriber {

    private final WebSocketSession session;
    private final SpringWsCloser closer;
    private final WsFrames frames;
    private final TransportContext context;
    private final SerialDrain sender = new SerialDrain(this::sendWhatIsDue);
    private volatile boolean stopped;

    SpringWsPump(WebSocketSession session, SpringWsCloser closer, WsFrames frames, TransportContext context) {
        this.session = session;
        this.closer = closer;
        this.frames = frames;
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

    private void signal() {
        sender.signal();
    }

    private void sendWhatIsDue() {
        try {
            while (!stopped) {
                if (context.hub().isClosed()) {
                    stop();
                    closer.close(CloseStatus.GOING_AWAY, "server stopping", ServerCloseCause.STREAM_END);
                    return;
                }
                String frame = frames.next();
                if (frame == null) {
                    return;
                }
                session.sendMessage(new TextMessage(frame));
                context.counters().bytesWritten(Endpoint.WS, frame.length());
            }
        } catch (IOException | RuntimeException e) {
            stop();
            closer.sendFailed(e);
        }
    }
}
