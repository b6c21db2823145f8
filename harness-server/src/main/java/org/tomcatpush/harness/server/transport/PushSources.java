package org.tomcatpush.harness.server.transport;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * The protocol pieces every programming model of the push endpoints shares, for code outside this
 * package (the Spring adapters): where a session starts, what each HTTP transport writes (as a
 * {@link PushSource}), when a stream or hold ends, and the thread-keeping writer of
 * {@code --handler blocking}. The servlets build their sources here too, so both APIs send the same
 * bytes by construction.
 */
public final class PushSources {

    private PushSources() {
    }

    /**
     * Where a session starts reading (docs/PROTOCOL.md, "Cursors").
     *
     * @param since       the {@code since} query parameter, or null
     * @param lastEventId the {@code Last-Event-ID} header (SSE only), or null
     * @throws BadCursorException with the one-line reason the client is told
     */
    public static long cursor(TransportContext context, String since, String lastEventId) throws BadCursorException {
        return Cursors.start(context.hub(), since, lastEventId);
    }

    /** Answers a bad cursor: {@code 400}, {@code text/plain}, the one-line reason (docs/PROTOCOL.md, "Cursors"). */
    public static void refuse(HttpServletResponse response, BadCursorException e) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(e.getMessage() + "\n");
    }

    /** When an SSE stream started at {@code startNanos} ends ({@code --sse-timeout}), or {@link PushSource#NO_DEADLINE}. */
    public static long sseEndNanos(TransportContext context, long startNanos) {
        long timeoutMs = context.config().sseTimeoutMs();
        return timeoutMs > 0 ? PushServlet.deadline(startNanos, timeoutMs) : PushSource.NO_DEADLINE;
    }

    /** An SSE stream body from {@code cursor}, ending at {@code endNanos} ({@link PushSource#NO_DEADLINE} = never). */
    public static PushSource sse(TransportContext context, long cursor, long startNanos, long endNanos) {
        ServerConfig config = context.config();
        return new SseStream(context.hub(), cursor, config.sseRetryMs(), config.sseHeartbeatMs() * 1_000_000L,
                startNanos, endNanos);
    }

    /** When a long poll started at {@code startNanos} gives up holding ({@code --long-poll-hold}). */
    public static long longPollHoldEndNanos(TransportContext context, long startNanos) {
        return PushServlet.deadline(startNanos, context.config().longPollHoldMs());
    }

    /** A long poll from {@code cursor}, answering when a message after it exists or at {@code holdEndNanos}. */
    public static PushSource longPoll(TransportContext context, long cursor, long holdEndNanos) {
        return new LongPollSource(context.hub(), cursor, context.config().maxBatch(), holdEndNanos);
    }

    /** A poll (or long-poll) answer with what the hub holds after {@code cursor} now. */
    public static PushSource poll(TransportContext context, long cursor) {
        return PollAnswer.collect(context.hub(), cursor, context.config().maxBatch());
    }

    /** The whole body of a source whose length is known ({@link PushSource#contentLength()} at least 0). */
    public static byte[] body(PushSource source) {
        byte[] body = new byte[Math.toIntExact(source.contentLength())];
        int at = 0;
        for (byte[] piece; (piece = source.nextPiece()) != null; ) {
            System.arraycopy(piece, 0, body, at, piece.length);
            at += piece.length;
        }
        return body;
    }

    /**
     * Writes {@code source} on the calling (request) thread, keeping it until the source completes
     * or the hub closes: the {@code --handler blocking} writer.
     *
     * @throws IOException when the client went away (ends this response only)
     */
    public static void writeBlocking(HttpServletResponse response, PushSource source, Endpoint endpoint,
                                     TransportContext context) throws IOException {
        BlockingPushResponse.run(response, source, endpoint, context);
    }
}
