package org.tomcatpush.harness.server.spring;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.transport.BadCursorException;
import org.tomcatpush.harness.server.transport.PushSources;
import org.tomcatpush.harness.server.transport.TransportContext;

/** {@code GET /poll?since=SEQ} as a plain Spring handler method (both handler modes): answers at once. */
@Controller
final class SpringPollController {

    private final TransportContext context;

    SpringPollController(TransportContext context) {
        this.context = context;
    }

    @GetMapping("/poll")
    public ResponseEntity<?> poll(@RequestParam(name = "since", required = false) String since) {
        context.counters().handlerEntered();
        try {
            return SpringAnswers.poll(context, Endpoint.POLL, PushSources.cursor(context, since, null));
        } catch (BadCursorException e) {
            return SpringAnswers.refusal(e);
        } finally {
            context.counters().handlerExited();
        }
    }
}
