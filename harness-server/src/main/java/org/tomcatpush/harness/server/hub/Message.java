package org.tomcatpush.harness.server.hub;

/**
 * One published message with every wire form it is sent in, encoded once at publish time so that
 * sessions only copy bytes. Immutable: the arrays returned are shared by every session and must not
 * be modified.
 */
public final class Message {

    private final long seq;
    private final long publishedAtMicros;
    private final byte[] json;
    private final String text;
    private final byte[] sseEvent;

    /**
     * Encodes a message.
     *
     * @param seq               its sequence number (1, 2, ...)
     * @param publishedAtMicros publish time in epoch microseconds ({@link MessageCodec#nowMicros()})
     * @param paddingBytes      how many padding characters the {@code p} field holds
     */
    public static Message encode(long seq, long publishedAtMicros, int paddingBytes) {
        byte[] json = MessageCodec.encode(seq, publishedAtMicros, paddingBytes);
        return new Message(seq, publishedAtMicros, json);
    }

    private Message(long seq, long publishedAtMicros, byte[] json) {
        this.seq = seq;
        this.publishedAtMicros = publishedAtMicros;
        this.json = json;
        this.text = MessageCodec.asText(json);
        this.sseEvent = MessageCodec.sseEvent(seq, json);
    }

    public long seq() {
        return seq;
    }

    public long publishedAtMicros() {
        return publishedAtMicros;
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
