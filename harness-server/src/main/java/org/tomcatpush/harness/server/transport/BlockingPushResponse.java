package org.tomcatpush.harness.server.transport;

import java.io.IOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * Writes a {@link PushSource} on the request's own thread, which it keeps for the life of the
 * response: it writes what is due with blocking writes, then waits in
 * {@link org.tomcatpush.harness.server.hub.MessageHub#awaitAfter} until a newer message or the
 * source's next deadline. This is the thread-per-session model experiment E4 measures.
 */
final class BlockingPushResponse {

    private BlockingPushResponse() {
    }

    /**
     * Writes until the source completes or the hub closes.
     *
     * @throws IOException when the client went away (ends this response only)
     */
    static void run(HttpServletResponse response, PushSource source, Endpoint endpoint, TransportContext context)
            throws IOException {
        ServletOutputStream out = response.getOutputStream();
        boolean firstPiece = true;
        try {
            while (true) {
                source.advanceTo(System.nanoTime());
                boolean wrote = false;
                for (byte[] piece; (piece = source.nextPiece()) != null; ) {
                    if (firstPiece) {
                        firstPiece = false;
                        long length = source.contentLength();
                        if (length >= 0) {
                            response.setContentLengthLong(length);
                        }
                    }
                    out.write(piece);
                    context.counters().bytesWritten(endpoint, piece.length);
                    wrote = true;
                }
                if (wrote) {
                    out.flush();
                }
                if (source.isComplete() || context.hub().isClosed()) {
                    return;
                }
                context.hub().awaitAfter(source.cursor(), source.nextDeadlineNanos());
            }
        } catch (InterruptedException e) {
            // the connector is shutting its executor down
            Thread.currentThread().interrupt();
        }
    }
}
