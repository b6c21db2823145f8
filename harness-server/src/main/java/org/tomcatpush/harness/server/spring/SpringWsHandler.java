package org.tomcatpush.harness.server.spring;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.tomcatpush.harness.server.config.HandlerMode;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.transport.BadCursorException;
import org.tomcatpush.harness.server.transport.PushSources;
import org.tomcatpush.harness.server.transport.TransportContext;
import org.tomcatpush.harness.server.transport.WsFrames;

/**
 * {@code GET /ws?since=SEQ} as a Spring {@code WebSocketHandler}: each message one text frame. In
 * async mode a {@link SpringWsPump} sends from the publisher's fan-out and
 * {@code afterConnectionEstablished} returns at once; in blocking mode it keeps the container
 * thread and sends until the session or the hub closes. A bad {@code since} closes with 1003 and
 * the reason. One instance serves every session; per-session state lives in the session's
 * attributes.
 */
final class SpringWsHandler extends AbstractWebSocketHandler {

    /** How often a blocking session that has nothing to send checks that it is still open. */
    private static final long BLOCKING_CHECK_MS = 1_000;
    private static final String PUMP = SpringWsPump.class.getName();
    private static final String OPENED = SpringWsHandler.class.getName() + ".opened";

    private final TransportContext context;

    SpringWsHandler(TransportContext context) {
        this.context = context;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        context.counters().handlerEntered();
        SpringWsCloser closer = new SpringWsCloser(session, context.counters().closes());
        try {
            long cursor;
            try {
                String since = session.getUri() == null ? null
                        : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("since");
                cursor = PushSources.cursor(context, since, null);
            } catch (BadCursorException e) {
                closer.close(CloseStatus.NOT_ACCEPTABLE, e.getMessage(), ServerCloseCause.CLOSING_RESPONSE);
                return;
            }
            session.getAttributes().put(OPENED, Boolean.TRUE);
            context.counters().wsOpened();
            WsFrames frames = new WsFrames(context.hub(), cursor);
            if (context.config().handler() != HandlerMode.BLOCKING) {
                SpringWsPump pump = new SpringWsPump(session, closer, frames, context);
                session.getAttributes().put(PUMP, pump);
                pump.start();
            } else {
                sendUntilClosed(session, closer, frames);
            }
        } finally {
            context.counters().handlerExited();
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        stopPump(session);
        if (session.getAttributes().remove(OPENED) != null) {
            context.counters().wsClosed();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        stopPump(session);
    }

    private static void stopPump(WebSocketSession session) {
        if (session.getAttributes().get(PUMP) instanceof SpringWsPump pump) {
            pump.stop();
        }
    }

    private void sendUntilClosed(WebSocketSession session, SpringWsCloser closer, WsFrames frames) {
        MessageHub hub = context.hub();
        try {
            while (session.isOpen() && !hub.isClosed()) {
                for (String frame; (frame = frames.next()) != null; ) {
                    session.sendMessage(new TextMessage(frame));
                    context.counters().bytesWritten(Endpoint.WS, frame.length());
                }
                hub.awaitAfter(frames.position(), MessageHub.deadlineAfter(BLOCKING_CHECK_MS, TimeUnit.MILLISECONDS));
            }
            if (session.isOpen()) {
                closer.close(CloseStatus.GOING_AWAY, "server stopping", ServerCloseCause.STREAM_END);
            }
        } catch (IOException | RuntimeException e) {
            closer.sendFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
