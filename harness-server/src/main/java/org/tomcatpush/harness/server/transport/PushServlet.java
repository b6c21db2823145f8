package org.tomcatpush.harness.server.transport;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.config.HandlerMode;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;

/**
 * What the HTTP transports share: {@code GET} only, the cursor from {@code since} (400 with a
 * one-line reason when it is bad), the handler-in-progress count around the request thread's
 * work, and the choice between {@link AsyncPushResponse} (async and async-container, which differ only
 * in where its writes run) and {@link BlockingPushResponse}.
 * Each transport says only which {@link PushSource} it answers with.
 */
abstract class PushServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    final transient TransportContext context;
    private final Endpoint endpoint;

    PushServlet(TransportContext context, Endpoint endpoint) {
        this.context = context;
        this.endpoint = endpoint;
    }

    /**
     * Sets the response headers and returns what to write.
     *
     * @param cursor     the last sequence the client has
     * @param startNanos when the request started, for deadlines counted from the start
     */
    abstract PushSource open(HttpServletRequest request, HttpServletResponse response, long cursor, long startNanos);

    /** The async timeout for this transport, -1 = the connector's {@code asyncTimeout}. */
    long asyncTimeoutMs() {
        return -1;
    }

    /** The {@code Last-Event-ID} header when the transport honours it. */
    String lastEventId(HttpServletRequest request) {
        return null;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long startNanos = System.nanoTime();
        context.counters().handlerEntered();
        try {
            long cursor;
            try {
                cursor = Cursors.start(context.hub(), request.getParameter("since"), lastEventId(request));
            } catch (BadCursorException e) {
                PushSources.refuse(response, e);
                return;
            }
            PushSource source = open(request, response, cursor, startNanos);
            HandlerMode handler = context.config().handler();
            if (handler.releasesThread()) {
                AsyncPushResponse.start(request, response, source, endpoint, context, asyncTimeoutMs(),
                        handler == HandlerMode.ASYNC_CONTAINER);
            } else {
                BlockingPushResponse.run(response, source, endpoint, context);
            }
        } catch (IOException e) {
            // the client went away (or stopped reading) mid-response: that session ends, nothing else is affected
            ServerCloses.markCut(request, ServerCloseCause.ofFailure(e));
        } finally {
            context.counters().handlerExited();
        }
    }

    static long deadline(long startNanos, long afterMs) {
        return startNanos + afterMs * 1_000_000L;
    }
}
