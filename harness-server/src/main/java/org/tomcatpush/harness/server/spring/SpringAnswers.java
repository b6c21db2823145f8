package org.tomcatpush.harness.server.spring;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.transport.BadCursorException;
import org.tomcatpush.harness.server.transport.PushSource;
import org.tomcatpush.harness.server.transport.PushSources;
import org.tomcatpush.harness.server.transport.TransportContext;

/** The two whole-body answers of the Spring controllers: a poll answer, and the 400 for a bad cursor. */
final class SpringAnswers {

    private static final MediaType TEXT_PLAIN_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private SpringAnswers() {
    }

    /** {@code 400}, {@code text/plain}, the one-line reason (as the servlet flavour answers). */
    static ResponseEntity<String> refusal(BadCursorException e) {
        return ResponseEntity.badRequest().contentType(TEXT_PLAIN_UTF8).body(e.getMessage() + "\n");
    }

    /** {@code 200}, the poll answer's JSON after {@code cursor} now, with {@code Content-Length}, counted as written. */
    static ResponseEntity<byte[]> poll(TransportContext context, Endpoint endpoint, long cursor) {
        PushSource answer = PushSources.poll(context, cursor);
        byte[] body = PushSources.body(answer);
        context.counters().bytesWritten(endpoint, body.length);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
                .body(body);
    }
}
