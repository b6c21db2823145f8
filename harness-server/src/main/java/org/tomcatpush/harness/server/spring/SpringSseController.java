package org.tomcatpush.harness.server.spring;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tomcatpush.harness.server.config.HandlerMode;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;
import org.tomcatpush.harness.server.transport.BadCursorException;
import org.tomcatpush.harness.server.transport.PushSource;
import org.tomcatpush.harness.server.transport.PushSources;
import org.tomcatpush.harness.server.transport.TransportContext;

/**
 * {@code GET /sse} on Spring MVC. {@code async}: an {@link SseEmitter} whose timeout is
 * {@code --sse-timeout} ({@code new SseEmitter(0L)} for 0, never), written by a
 * {@link SpringSsePump}; the stream ends when Spring times the emitter out, its own way
 * (docs/SERVER.md). {@code blocking}: the handler method writes the stream itself and waits on
 * its own thread, ending at {@code --sse-timeout} as the servlet flavour does.
 */
@Controller
final class SpringSseController {

    private final TransportContext context;

    SpringSseController(TransportContext context) {
        this.context = context;
    }

    /**
     * The {@code SseEmitter}, or null once the response is written (a 400, or a blocking stream).
     * Declared as {@code SseEmitter}: Spring finishes an emitter's completion (its redispatch with
     * no value) by the declared type, and any other type would look for a view there.
     */
    @GetMapping("/sse")
    public SseEmitter sse(@RequestParam(name = "since", required = false) String since,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletRequest request, HttpServletResponse response) {
        long startNanos = System.nanoTime();
        context.counters().handlerEntered();
        try {
            long cursor = PushSources.cursor(context, since, lastEventId);
            response.setContentType("text/event-stream");
            response.setHeader("Cache-Control", "no-cache");
            if (context.config().handler() != HandlerMode.BLOCKING) {
                SseEmitter emitter = new SseEmitter(context.config().sseTimeoutMs());
                // the emitter's timeout ends the stream: the source keeps no deadline of its own
                PushSource stream = PushSources.sse(context, cursor, startNanos, PushSource.NO_DEADLINE);
                SpringSsePump.prepare(emitter, stream, request, context);
                return emitter;
            }
            PushSources.writeBlocking(response, PushSources.sse(context, cursor, startNanos,
                    PushSources.sseEndNanos(context, startNanos)), Endpoint.SSE, context);
            return null;
        } catch (BadCursorException e) {
            refuse(response, e);
            return null;
        } catch (IOException e) {
            ServerCloses.markCut(request, ServerCloseCause.ofFailure(e));
            return null;
        } finally {
            context.counters().handlerExited();
        }
    }

    private static void refuse(HttpServletResponse response, BadCursorException e) {
        try {
            PushSources.refuse(response, e);
        } catch (IOException gone) {
            // the client went away before its 400: nothing left to tell it
        }
    }
}
