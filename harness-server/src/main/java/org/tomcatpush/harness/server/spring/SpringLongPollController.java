package org.tomcatpush.harness.server.spring;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tomcatpush.harness.server.config.HandlerMode;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;
import org.tomcatpush.harness.server.transport.BadCursorException;
import org.tomcatpush.harness.server.transport.PushSources;
import org.tomcatpush.harness.server.transport.TransportContext;

/**
 * {@code GET /longpoll?since=SEQ} on Spring MVC. {@code async}: a {@link SpringLongPoll}'s
 * {@code DeferredResult} whose timeout is {@code --long-poll-hold} (Spring hands it to the
 * request's {@code AsyncContext}, which Tomcat checks about once a second). {@code blocking}: the
 * handler method writes the answer itself and waits for it on its own thread.
 */
@Controller
final class SpringLongPollController {

    private final TransportContext context;

    SpringLongPollController(TransportContext context) {
        this.context = context;
    }

    /** A {@code DeferredResult}, a 400 {@code ResponseEntity}, or null once written (blocking). */
    @GetMapping("/longpoll")
    public Object longPoll(@RequestParam(name = "since", required = false) String since,
                           HttpServletRequest request, HttpServletResponse response) {
        long startNanos = System.nanoTime();
        context.counters().handlerEntered();
        try {
            long cursor = PushSources.cursor(context, since, null);
            if (context.config().handler() != HandlerMode.BLOCKING) {
                return SpringLongPoll.start(context, cursor).result();
            }
            response.setContentType("application/json");
            response.setHeader("Cache-Control", "no-cache");
            PushSources.writeBlocking(response, PushSources.longPoll(context, cursor,
                    PushSources.longPollHoldEndNanos(context, startNanos)), Endpoint.LONGPOLL, context);
            return null;
        } catch (BadCursorException e) {
            return SpringAnswers.refusal(e);
        } catch (IOException e) {
            ServerCloses.markCut(request, ServerCloseCause.ofFailure(e));
            return null;
        } finally {
            context.counters().handlerExited();
        }
    }
}
