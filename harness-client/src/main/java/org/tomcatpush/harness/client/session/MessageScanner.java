package org.tomcatpush.harness.client.session;

import io.netty.buffer.ByteBuf;

/**
 * Reads the harness wire protocol (see {@code docs/PROTOCOL.md}) incrementally, a byte at a time,
 * across any split into body chunks or frames, without allocating. It recognises the numeric fields
 * it needs and reports:
 * <ul>
 *   <li>a message: an object holding {@code "seq"} and {@code "ts"} (its intended publish time);</li>
 *   <li>a gap: an object holding {@code "from"} and {@code "to"};</li>
 *   <li>a cursor: the {@code "last"} field of a poll answer.</li>
 * </ul>
 * Everything else (padding, {@code null}s, arrays) is skipped, so the same scanner reads a poll
 * answer, an SSE {@code data:} payload and a WebSocket frame. Not thread-safe; one per session.
 *
 * <pre>
 * scanner.reset();
 * for (each chunk) scanner.feed(chunk);   // listener.onMessage / onGap / onCursor as fields complete
 * </pre>
 */
final class MessageScanner implements PayloadReader {

    /** What the scanner found. Called on the thread that feeds it. */
    interface Listener {
        /** A message: its sequence and {@code ts}, the time it was meant to be published, epoch microseconds. */
        void onMessage(long seq, long intendedAtMicros);

        void onGap(long fromSeq, long toSeq);

        void onCursor(long lastSeq);
    }

    private static final int OUTSIDE = 0;
    private static final int IN_STRING = 1;
    private static final int STRING_ESCAPE = 2;
    private static final int AFTER_STRING = 3;
    private static final int BEFORE_VALUE = 4;
    private static final int IN_NUMBER = 5;

    private static final int KEY_OTHER = 0;
    private static final int KEY_SEQ = 1;
    private static final int KEY_TS = 2;
    private static final int KEY_FROM = 3;
    private static final int KEY_TO = 4;
    private static final int KEY_LAST = 5;

    private static final int SEEN_SEQ = 1;
    private static final int SEEN_TS = 2;
    private static final int SEEN_FROM = 4;
    private static final int SEEN_TO = 8;

    private static final long TS = pack("ts");
    private static final long TO = pack("to");
    private static final long SEQ = pack("seq");
    private static final long FROM = pack("from");
    private static final long LAST = pack("last");

    private final Listener listener;
    private int state;
    /** The current string's first bytes, packed, enough to tell the few keys we need apart. */
    private long stringPrefix;
    private int stringLength;
    private int key;
    private long number;
    private boolean negative;
    private int seen;
    private long seq;
    private long ts;
    private long from;
    private long to;

    MessageScanner(Listener listener) {
        this.listener = listener;
    }

    /** Forgets any partly read input (start of a new body, event or frame). */
    @Override
    public void reset() {
        state = OUTSIDE;
        seen = 0;
    }

    @Override
    public void feed(ByteBuf buf) {
        for (int i = buf.readerIndex(), end = buf.writerIndex(); i < end; i++) {
            feed(buf.getByte(i));
        }
    }

    @Override
    public void feed(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            feed(bytes[i]);
        }
    }

    @Override
    public void feed(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            feed(c < 0x80 ? (byte) c : (byte) 0x80);
        }
    }

    /** Nothing to do: each message, gap and cursor was reported as its object closed. */
    @Override
    public void end() {
    }

    void feed(byte b) {
        switch (state) {
            case IN_STRING:
                if (b == '"') {
                    state = AFTER_STRING;
                } else if (b == '\\') {
                    state = STRING_ESCAPE;
                } else {
                    appendToString(b);
                }
                return;
            case STRING_ESCAPE:
                appendToString(b);
                state = IN_STRING;
                return;
            case AFTER_STRING:
                if (isSpace(b)) {
                    return;
                }
                if (b == ':') {
                    key = keyOf();
                    state = BEFORE_VALUE;
                    return;
                }
                state = OUTSIDE; // the string was a value
                break;
            case BEFORE_VALUE:
                if (isSpace(b)) {
                    return;
                }
                if (b == '-' || (b >= '0' && b <= '9')) {
                    negative = b == '-';
                    number = negative ? 0 : b - '0';
                    state = IN_NUMBER;
                    return;
                }
                state = OUTSIDE;
                break;
            case IN_NUMBER:
                if (b >= '0' && b <= '9') {
                    number = number * 10 + (b - '0');
                    return;
                }
                numberDone(negative ? -number : number);
                state = OUTSIDE;
                break;
            default:
                break;
        }
        outside(b);
    }

    private void outside(byte b) {
        if (b == '"') {
            state = IN_STRING;
            stringPrefix = 0;
            stringLength = 0;
        } else if (b == '{') {
            seen = 0;
        } else if (b == '}') {
            objectDone();
        }
    }

    private void appendToString(byte b) {
        if (stringLength < 8) {
            stringPrefix = (stringPrefix << 8) | (b & 0xff);
        }
        stringLength++;
    }

    private int keyOf() {
        switch (stringLength) {
            case 2:
                return stringPrefix == TS ? KEY_TS : stringPrefix == TO ? KEY_TO : KEY_OTHER;
            case 3:
                return stringPrefix == SEQ ? KEY_SEQ : KEY_OTHER;
            case 4:
                return stringPrefix == FROM ? KEY_FROM : stringPrefix == LAST ? KEY_LAST : KEY_OTHER;
            default:
                return KEY_OTHER;
        }
    }

    private void numberDone(long value) {
        switch (key) {
            case KEY_SEQ:
                seq = value;
                seen |= SEEN_SEQ;
                break;
            case KEY_TS:
                ts = value;
                seen |= SEEN_TS;
                break;
            case KEY_FROM:
                from = value;
                seen |= SEEN_FROM;
                break;
            case KEY_TO:
                to = value;
                seen |= SEEN_TO;
                break;
            case KEY_LAST:
                listener.onCursor(value);
                break;
            default:
                break;
        }
    }

    private void objectDone() {
        if ((seen & (SEEN_SEQ | SEEN_TS)) == (SEEN_SEQ | SEEN_TS)) {
            listener.onMessage(seq, ts);
        } else if ((seen & (SEEN_FROM | SEEN_TO)) == (SEEN_FROM | SEEN_TO)) {
            listener.onGap(from, to);
        }
        seen = 0;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static long pack(String ascii) {
        long packed = 0;
        for (int i = 0; i < ascii.length(); i++) {
            packed = (packed << 8) | ascii.charAt(i);
        }
        return packed;
    }
}
