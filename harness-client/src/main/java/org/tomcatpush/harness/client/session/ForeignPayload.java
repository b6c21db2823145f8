package org.tomcatpush.harness.client.session;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Reads a foreign application's payloads ({@code --endpoints}): every non-empty unit (an SSE
 * event, a WebSocket text message, a poll answer) is one message. When a JSON field is named
 * ({@code --publish-time-field}), the first {@code "FIELD": NUMBER} of the unit is its publish
 * time, in epoch milliseconds or, for values of {@value #MICROS_FROM} and more, epoch
 * microseconds (a time since 1970 in milliseconds stays below it until the year 5138). Matches
 * the field byte by byte as pieces arrive, without allocating. Not thread-safe; one per session.
 */
final class ForeignPayload implements PayloadReader {

    /** What the payload held. Called on the thread that feeds it. */
    interface Listener {
        /**
         * One message arrived.
         *
         * @param publishedAtMicros its publish time, epoch microseconds, or -1 when it carried none
         */
        void onForeignMessage(long publishedAtMicros);
    }

    /** The smallest value read as epoch microseconds rather than milliseconds. */
    static final long MICROS_FROM = 100_000_000_000_000L;

    private static final int MATCHING = 0;
    private static final int AFTER_KEY = 1;
    private static final int BEFORE_NUMBER = 2;
    private static final int IN_NUMBER = 3;
    private static final int FOUND = 4;

    private final Listener listener;
    /** {@code "FIELD"} with its quotes, or {@code null} when no field is named. */
    private final byte[] key;
    private int state;
    private int matched;
    private long number;
    private long bytesFed;

    /** @param publishTimeField the JSON field of the publish time, or {@code null} for none */
    ForeignPayload(Listener listener, String publishTimeField) {
        this.listener = listener;
        this.key = publishTimeField == null ? null
                : ('"' + publishTimeField + '"').getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void reset() {
        state = MATCHING;
        matched = 0;
        number = 0;
        bytesFed = 0;
    }

    @Override
    public void feed(ByteBuf buf) {
        bytesFed += buf.readableBytes();
        if (key == null) {
            return;
        }
        for (int i = buf.readerIndex(), end = buf.writerIndex(); i < end && state != FOUND; i++) {
            feed(buf.getByte(i));
        }
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        bytesFed += length;
        if (key == null) {
            return;
        }
        for (int i = offset, end = offset + length; i < end && state != FOUND; i++) {
            feed(bytes[i]);
        }
    }

    @Override
    public void feed(CharSequence text) {
        bytesFed += text.length();
        if (key == null) {
            return;
        }
        for (int i = 0, n = text.length(); i < n && state != FOUND; i++) {
            char c = text.charAt(i);
            feed(c < 0x80 ? (byte) c : (byte) 0x80);
        }
    }

    @Override
    public void end() {
        if (bytesFed > 0) {
            if (state == IN_NUMBER) {
                state = FOUND;
            }
            listener.onForeignMessage(state == FOUND ? toMicros(number) : -1);
        }
        reset();
    }

    /** A publish time in epoch ms or µs, as epoch µs. */
    static long toMicros(long value) {
        return value >= MICROS_FROM ? value : value * 1_000L;
    }

    private void feed(byte b) {
        switch (state) {
            case AFTER_KEY:
                if (isSpace(b)) {
                    return;
                }
                if (b == ':') {
                    state = BEFORE_NUMBER;
                    return;
                }
                break;
            case BEFORE_NUMBER:
                if (isSpace(b)) {
                    return;
                }
                if (b >= '0' && b <= '9') {
                    number = b - '0';
                    state = IN_NUMBER;
                    return;
                }
                break;
            case IN_NUMBER:
                if (b >= '0' && b <= '9') {
                    number = number * 10 + (b - '0');
                } else {
                    state = FOUND; // the first occurrence wins; the rest of the unit is not read
                }
                return;
            default:
                break;
        }
        state = MATCHING;
        match(b);
    }

    private void match(byte b) {
        if (b == key[matched]) {
            matched++;
            if (matched == key.length) {
                matched = 0;
                state = AFTER_KEY;
            }
        } else {
            matched = b == '"' ? 1 : 0; // the key starts with a quote: this one may open it
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
