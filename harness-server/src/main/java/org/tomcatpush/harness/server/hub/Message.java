package org.tomcatpush.harness.server.hub;

/**
 * One published message with every wire form it is sent in, encoded once at publish time so that
 * sessions only copy bytes. It carries two times: when the publisher's schedule meant it to be
 * published (on the wire as {@code ts}; delivery latency counts from it, so a late publisher cannot
 * hide its delay) and when it actually was. Immutable: the arrays returned are shared by every
 * session and must not be modified.
 */
public final class Message {

    private final long seq;
    private final long intendedAtMicros;
    private final long publishedAtMicros;
    private final byte[] json;
    private final String text;
    private final byte[] sseEvent;

    /**
     * Encodes a message.
     *
     * @param seq               its sequence number (1, 2, ...)
     * @param intendedAtMicros  when the schedule meant it to be published, epoch microseconds
     *                          ({@link MessageCodec#nowMicros()}); sent as {@code ts}
     * @param publishedAtMicros when it was published, epoch microseconds; at least {@code intendedAtMicros}
     * @param paddingBytes      how many padding characters the {@code p} field holds
     */
    public static Message encode(long seq, long intendedAtMicros, long publishedAtMicros, int paddingBytes) {
        if (publishedAtMicros < intendedAtMicros) {
            throw new IllegalArgumentException("a message cannot be published before it is due (intended "
                    + intendedAtMicros + ", published " + publishedAtMicros + ")");
        }
        byte[] json = MessageCodec.encode(seq, intendedAtMicros, paddingBytes);
        return new Message(seq, intendedAtMicros, publishedAtMicros, json);
    }

    private Message(long seq, long intendedAtMicros, long publishedAtMicros, byte[] json) {
        this.seq = seq;
        this.intendedAtMicros = intendedAtMicros;
        this.publishedAtMicros = publishedAtMicros;
        this.json = json;
        this.text = MessageCodec.asText(json);
        this.sseEvent = MessageCodec.sseEvent(seq, json);
    }

    public long seq() {
        return seq;
    }

    /** When the publisher's schedule meant it to be published, epoch microseconds (the wire's {@code ts}). */
    public long intendedAtMicros() {
        return intendedAtMicros;
    }

    /** When it was actually published, epoch microseconds. */
    public long publishedAtMicros() {
        return publishedAtMicros;
    }

    /** How late it was published: {@code publishedAtMicros - intendedAtMicros}, 0 for one published on demand. */
    public long lagMicros() {
        return publishedAtMicros - intendedAtMicros;
    }

    /** The message JSON in UTF-8 (poll bodies). Shared: do not modify. */
    public byte[] json() {
        return json;
    }

    /** The message JSON as text (WebSocket text frames). */
    public String text() {
        return text;
    }

    /** The complete SSE event ({@code id:}, {@code data:} and the blank line). Shared: do not modify. */
    public byte[] sseEvent() {
        return sseEvent;
    }

    @Override
    public String toString() {
        return text;
    }
}
