package org.tomcatpush.harness.server.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * {@code GET /longpoll?since=SEQ}: answers at once when a message after SEQ exists, otherwise holds
 * the request until one is published or {@code --long-poll-hold} ms pass (then answers empty).
 */
final class LongPollServlet extends PushServlet {

    private static final long serialVersionUID = 1L;

    LongPollServlet(TransportContext context) {
        super(context, Endpoint.LONGPOLL);
    }

    @Override
    PushSource open(HttpServletRequest request, HttpServletResponse response, long cursor, long startNanos) {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-cache");
        return PushSources.longPoll(context, cursor, PushSources.longPollHoldEndNanos(context, startNanos));
    }

    @Override
    long asyncTimeoutMs() {
        return 0; // the hold is the source's own deadline, kept to the millisecond
    }
}
