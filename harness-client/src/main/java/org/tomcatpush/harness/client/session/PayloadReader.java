package org.tomcatpush.harness.client.session;

import io.netty.buffer.ByteBuf;

/**
 * Reads the payload of one unit a session receives (a poll answer's body, an SSE event's data, a
 * WebSocket text message), fed in pieces as they arrive, and tells its session what it found:
 * {@link MessageScanner} reads harness-server's protocol, {@link ForeignPayload} a foreign
 * application's. Not thread-safe; one per session, fed by one exchange at a time.
 *
 * <pre>
 * reader.reset();
 * for (each piece) reader.feed(piece);
 * reader.end();   // the unit is complete
 * </pre>
 */
interface PayloadReader {

    /** Forgets any partly read input: a new unit starts. */
    void reset();

    void feed(ByteBuf buf);

    void feed(byte[] bytes, int offset, int length);

    void feed(CharSequence text);

    /** The unit fed since {@link #reset()} is complete. */
    void end();
}
