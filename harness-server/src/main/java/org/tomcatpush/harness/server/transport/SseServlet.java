package org.tomcatpush.harness.server.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * {@code GET /sse}: a Server-Sent Events stream that resumes from {@code Last-Event-ID} (or
 * {@code ?since=}), ending {@code --sse-timeout} ms after it started (0 = never).
 */
final class SseServlet extends PushServlet {

    private static final long serialVersionUID = 1L;

    SseServlet(TransportContext context) {
        super(context, Endpoint.SSE);
    }

    @Override
    PushSource open(HttpServletRequest request, HttpServletResponse response, long cursor, long startNanos) {
        response.setContentType("text/event-stream");
        response.setHeader("Cache-Control", "no-cache");
        return PushSources.sse(context, cursor, startNanos, PushSources.sseEndNanos(context, startNanos));
    }

    @Override
    String lastEventId(HttpServletRequest request) {
        return request.getHeader("Last-Event-ID");
    }

    @Override
    long asyncTimeoutMs() {
        return 0; // the stream's end is the source's own deadline, kept to the millisecond
    }
}
