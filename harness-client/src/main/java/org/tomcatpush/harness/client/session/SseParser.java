package org.tomcatpush.harness.client.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/**
 * An incremental parser of the {@code text/event-stream} format with the semantics of the browser's
 * {@code EventSource} (WHATWG HTML, "Parsing an event stream"): lines end in CRLF, LF or CR, lines
 * starting with {@code :} are comments, a field without a colon has an empty value, one space after
 * the colon is dropped, {@code data:} lines are joined with LF, {@code id:} (unless it holds NUL)
 * sets the last event id when the event is dispatched, {@code retry:} with only digits sets the
 * reconnection time at once, an empty line dispatches the event unless its data is empty, and an
 * event cut off by the end of the stream is discarded. Input may be split anywhere, even inside a
 * CRLF. Allocates only to grow its buffers; one per session, not thread-safe.
 */
final class SseParser {

    /** What the stream said. Called on the thread that feeds the parser. */
    interface Listener {
        /** An event was dispatched; {@code event} is valid only during the call. */
        void onEvent(SseParser event);

        /** The stream set the reconnection time. */
        void onRetry(long retryMs);
    }

    private static final int LINE_START = 0;
    private static final int FIELD_NAME = 1;
    private static final int VALUE_START = 2;
    private static final int VALUE = 3;
    private static final int COMMENT = 4;
    private static final int BOM = 5;

    private static final int FIELD_IGNORED = 0;
    private static final int FIELD_DATA = 1;
    private static final int FIELD_ID = 2;
    private static final int FIELD_EVENT = 3;
    private static final int FIELD_RETRY = 4;

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] DEFAULT_EVENT_TYPE = "message".getBytes(StandardCharsets.US_ASCII);

    private final Listener listener;
    private int state;
    private boolean afterCr;
    private int bomBytesLeft;
    private int nameLength;
    private long namePacked;
    private int field;

    /** A copy of the input being read, when it is not in an array of its own. */
    private final Bytes input = new Bytes();
    private final Bytes data = new Bytes();
    private final Bytes eventType = new Bytes();
    private final Bytes pendingId = new Bytes();
    private boolean pendingIdHasNul;
    /** The "last event ID buffer" of the spec: set by an {@code id:} line. */
    private final Bytes idBuffer = new Bytes();
    /** The last event id of the event source: the id buffer as of the last dispatch (empty: none). */
    private final Bytes lastEventId = new Bytes();
    /** Whether the event being read (or dispatched) has an {@code id:} line of its own. */
    private boolean eventHasId;
    private long retryMs;
    private boolean retryValid;

    SseParser(Listener listener) {
        this.listener = listener;
        startStream();
    }

    /**
     * Starts reading a new response body: partial lines and events of the previous stream are
     * discarded, the last event id is kept (it is what a reconnect sends).
     */
    void startStream() {
        state = BOM;
        bomBytesLeft = 3;
        afterCr = false;
        data.length = 0;
        eventType.length = 0;
        idBuffer.set(lastEventId.array, lastEventId.length);
        eventHasId = false;
    }

    /** Reads {@code buf} between its reader and writer index; its indexes are not moved. */
    void feed(ByteBuf buf) {
        feed(buf, buf.readerIndex(), buf.readableBytes());
    }

    /**
     * Reads {@code length} bytes of {@code buf} from {@code index}; its indexes are not moved. The
     * bytes are copied into the parser's own array at once and read there, not a byte at a time
     * through the buffer's checked accessors.
     */
    void feed(ByteBuf buf, int index, int length) {
        if (buf.hasArray()) {
            feed(buf.array(), buf.arrayOffset() + index, length);
            return;
        }
        byte[] copy = input.room(length);
        buf.getBytes(index, copy, 0, length);
        feed(copy, 0, length);
    }

    /**
     * Reads {@code length} bytes of {@code bytes} from {@code offset}. The bulk of an event, the
     * rest of a {@code data:} line or of a comment, is found with one scan for the line end and
     * copied (or skipped) at once.
     */
    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            boolean inData = state == VALUE && field == FIELD_DATA;
            if ((inData || state == COMMENT) && !afterCr) {
                int runEnd = i;
                while (runEnd < end && bytes[runEnd] != '\r' && bytes[runEnd] != '\n') {
                    runEnd++;
                }
                if (inData) {
                    data.append(bytes, i, runEnd - i);
                }
                i = runEnd;
                if (i == end) {
                    return;
                }
            }
            feed(bytes[i++]);
        }
    }

    /** Replaces the last event id, as if the stream had last sent {@code id}. */
    void resetLastEventId(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        lastEventId.set(bytes, bytes.length);
    }

    /**
     * The last event id as a string; empty if the stream never set one, and then a reconnect sends
     * no {@code Last-Event-ID}. Allocates: call it per reconnect, not per event.
     */
    String lastEventId() {
        return lastEventId.length == 0 ? "" : new String(lastEventId.array, 0, lastEventId.length, StandardCharsets.UTF_8);
    }

    /**
     * The dispatched event's own {@code id:} as a number, or -1 when the event has no {@code id:}
     * line or its id is not a plain non-negative decimal number. Does not allocate.
     */
    long eventIdNumber() {
        if (!eventHasId || lastEventId.length == 0 || lastEventId.length > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < lastEventId.length; i++) {
            byte b = lastEventId.array[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** The dispatched event's data buffer; only the first {@link #dataLength()} bytes are valid. */
    byte[] data() {
        return data.array;
    }

    int dataLength() {
        return data.length;
    }

    /** The dispatched event's data as a string (allocates: for tests and diagnostics). */
    String dataAsString() {
        return new String(data.array, 0, data.length, StandardCharsets.UTF_8);
    }

    /** Whether the dispatched event's type is {@code type} ({@code message} when the stream named none). */
    boolean eventTypeIs(String type) {
        byte[] expected = type.getBytes(StandardCharsets.UTF_8);
        return eventType.length == 0
                ? Arrays.equals(expected, DEFAULT_EVENT_TYPE)
                : Arrays.equals(eventType.array, 0, eventType.length, expected, 0, expected.length);
    }

    void feed(byte b) {
        if (state == BOM) {
            if (bomBytesLeft == 3 && b == (byte) 0xEF || bomBytesLeft == 2 && b == (byte) 0xBB) {
                bomBytesLeft--;
                return;
            }
            if (bomBytesLeft == 1 && b == (byte) 0xBF) {
                state = LINE_START;
                return;
            }
            state = LINE_START;
        }
        if (afterCr) {
            afterCr = false;
            if (b == '\n') {
                return; // the LF of a CRLF: the line already ended at the CR
            }
        }
        if (b == '\r' || b == '\n') {
            afterCr = b == '\r';
            endOfLine();
            return;
        }
        switch (state) {
            case LINE_START:
                if (b == ':') {
                    state = COMMENT;
                    return;
                }
                state = FIELD_NAME;
                nameLength = 0;
                namePacked = 0;
                appendToName(b);
                return;
            case FIELD_NAME:
                if (b == ':') {
                    startValue();
                    state = VALUE_START;
                } else {
                    appendToName(b);
                }
                return;
            case VALUE_START:
                state = VALUE;
                if (b == ' ') {
                    return;
                }
                appendToValue(b);
                return;
            case VALUE:
                appendToValue(b);
                return;
            default:
                return; // comment
        }
    }

    private void appendToName(byte b) {
        if (nameLength < 8) {
            namePacked = (namePacked << 8) | (b & 0xff);
        }
        nameLength++;
    }

    private void startValue() {
        field = fieldOf(nameLength, namePacked);
        pendingId.length = 0;
        pendingIdHasNul = false;
        retryMs = 0;
        retryValid = true;
        if (field == FIELD_EVENT) {
            eventType.length = 0;
        }
    }

    private void appendToValue(byte b) {
        switch (field) {
            case FIELD_DATA:
                data.append(b);
                break;
            case FIELD_ID:
                if (b == 0) {
                    pendingIdHasNul = true;
                }
                pendingId.append(b);
                break;
            case FIELD_EVENT:
                eventType.append(b);
                break;
            case FIELD_RETRY:
                if (b >= '0' && b <= '9' && retryMs < Long.MAX_VALUE / 10) {
                    retryMs = retryMs * 10 + (b - '0');
                } else {
                    retryValid = false;
                }
                break;
            default:
                break;
        }
    }

    private void endOfLine() {
        switch (state) {
            case BOM:
            case LINE_START:
                dispatch();
                break;
            case FIELD_NAME:
                startValue(); // a field name without a colon: the value is empty
                endOfField(true);
                break;
            case VALUE_START:
                endOfField(true);
                break;
            case VALUE:
                endOfField(false);
                break;
            default:
                break;
        }
        state = LINE_START;
    }

    private void endOfField(boolean emptyValue) {
        switch (field) {
            case FIELD_DATA:
                data.append((byte) '\n');
                break;
            case FIELD_ID:
                if (!pendingIdHasNul) {
                    idBuffer.set(pendingId.array, pendingId.length);
                    eventHasId = true;
                }
                break;
            case FIELD_RETRY:
                if (retryValid && !emptyValue) {
                    listener.onRetry(retryMs);
                }
                break;
            default:
                break;
        }
    }

    private void dispatch() {
        lastEventId.set(idBuffer.array, idBuffer.length);
        if (data.length == 0) {
            eventHasId = false;
            eventType.length = 0;
            return;
        }
        data.length--; // the LF after the last data line
        listener.onEvent(this);
        eventHasId = false;
        data.length = 0;
        eventType.length = 0;
    }

    private static int fieldOf(int length, long packed) {
        switch (length) {
            case 2:
                return packed == (('i' << 8) | 'd') ? FIELD_ID : FIELD_IGNORED;
            case 4:
                return packed == ((((long) 'd' << 24) | ('a' << 16) | ('t' << 8) | 'a')) ? FIELD_DATA : FIELD_IGNORED;
            case 5:
                if (packed == pack5('e', 'v', 'e', 'n', 't')) {
                    return FIELD_EVENT;
                }
                return packed == pack5('r', 'e', 't', 'r', 'y') ? FIELD_RETRY : FIELD_IGNORED;
            default:
                return FIELD_IGNORED;
        }
    }

    private static long pack5(char a, char b, char c, char d, char e) {
        return ((long) a << 32) | ((long) b << 24) | ((long) c << 16) | ((long) d << 8) | e;
    }

    /**
     * A growable run of bytes: the first {@code length} bytes of {@code array}. Its array is
     * replaced only when it must grow, never stored again as it is: a parser lives as long as its
     * stream, so its buffers are old objects, and under G1 every reference store into an old object
     * marks its card for the collector's refinement thread to rescan, even a store of the array it
     * already holds. Stored per event, that cost about 1 us of client CPU per message
     * (docs/BENCHMARKS.md, "Client hot path, third pass").
     */
    private static final class Bytes {
        byte[] array = EMPTY;
        int length;

        void append(byte b) {
            room(length + 1)[length++] = b;
        }

        void append(byte[] bytes, int offset, int count) {
            System.arraycopy(bytes, offset, room(length + count), length, count);
            length += count;
        }

        /** Becomes the first {@code count} bytes of {@code bytes}. */
        void set(byte[] bytes, int count) {
            System.arraycopy(bytes, 0, room(count), 0, count);
            length = count;
        }

        /** The array, grown (doubled, at least 32 bytes) first if it holds fewer than {@code capacity}. */
        byte[] room(int capacity) {
            if (array.length < capacity) {
                array = Arrays.copyOf(array, Math.max(capacity, Math.max(32, array.length * 2)));
            }
            return array;
        }
    }
}
