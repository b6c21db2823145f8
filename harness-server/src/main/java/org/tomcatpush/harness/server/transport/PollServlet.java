package org.tomcatpush.harness.server.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.probe.Endpoint;

/** {@code GET /poll?since=SEQ}: answers at once with the messages after SEQ (maybe none). */
final class PollServlet extends PushServlet {

    private static final long serialVersionUID = 1L;

    PollServlet(TransportContext context) {
        super(context, Endpoint.POLL);
    }

    @Override
    PushSource open(HttpServletRequest request, HttpServletResponse response, long cursor, long startNanos) {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-cache");
        return PushSources.poll(context, cursor);
    }
}
