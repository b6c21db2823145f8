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

    /*
     * The array fields are assigned only when an array must grow, never with the array they already
     * hold: the parser lives as long as its stream, and under G1 every reference store into an old
     * object marks its card for the collector's refinement thread to rescan, even when it stores the
     * same array. Assigned per event, they cost 0.8 µs of client CPU per message
     * (docs/BENCHMARKS.md, "Client hot path, third pass"). Wrapping each array and its length in a
     * small growable object instead cost the event loops about 1.5 µs per message more (measured),
     * so the guards stay written out.
     */
    /** A copy of the input being read, when it is not in an array of its own. */
    private byte[] input = EMPTY;
    private byte[] data = EMPTY;
    private int dataLength;
    private byte[] eventType = EMPTY;
    private int eventTypeLength;
    private byte[] pendingId = EMPTY;
    private int pendingIdLength;
    private boolean pendingIdHasNul;
    /** The "last event ID buffer" of the spec: set by an {@code id:} line. */
    private byte[] idBuffer = EMPTY;
    private int idBufferLength;
    /** The last event id of the event source: the id buffer as of the last dispatch (empty: none). */
    private byte[] lastEventId = EMPTY;
    private int lastEventIdLength;
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
        dataLength = 0;
        eventTypeLength = 0;
        if (idBuffer.length < lastEventIdLength) {
            idBuffer = new byte[lastEventIdLength];
        }
        System.arraycopy(lastEventId, 0, idBuffer, 0, lastEventIdLength);
        idBufferLength = lastEventIdLength;
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
        if (input.length < length) {
            input = grown(input, length);
        }
        buf.getBytes(index, input, 0, length);
        feed(input, 0, length);
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
                    if (data.length < dataLength + runEnd - i) {
                        data = grown(data, dataLength + runEnd - i);
                    }
                    System.arraycopy(bytes, i, data, dataLength, runEnd - i);
                    dataLength += runEnd - i;
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
        if (lastEventId.length < bytes.length) {
            lastEventId = new byte[bytes.length];
        }
        System.arraycopy(bytes, 0, lastEventId, 0, bytes.length);
        lastEventIdLength = bytes.length;
    }

    /**
     * The last event id as a string; empty if the stream never set one, and then a reconnect sends
     * no {@code Last-Event-ID}. Allocates: call it per reconnect, not per event.
     */
    String lastEventId() {
        return lastEventIdLength == 0 ? "" : new String(lastEventId, 0, lastEventIdLength, StandardCharsets.UTF_8);
    }

    /**
     * The dispatched event's own {@code id:} as a number, or -1 when the event has no {@code id:}
     * line or its id is not a plain non-negative decimal number. Does not allocate.
     */
    long eventIdNumber() {
        if (!eventHasId || lastEventIdLength == 0 || lastEventIdLength > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < lastEventIdLength; i++) {
            byte b = lastEventId[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** The dispatched event's data buffer; only the first {@link #dataLength()} bytes are valid. */
    byte[] data() {
        return data;
    }

    int dataLength() {
        return dataLength;
    }

    /** The dispatched event's data as a string (allocates: for tests and diagnostics). */
    String dataAsString() {
        return new String(data, 0, dataLength, StandardCharsets.UTF_8);
    }

    /** Whether the dispatched event's type is {@code type} ({@code message} when the stream named none). */
    boolean eventTypeIs(String type) {
        byte[] expected = type.getBytes(StandardCharsets.UTF_8);
        return eventTypeLength == 0
                ? Arrays.equals(expected, DEFAULT_EVENT_TYPE)
                : Arrays.equals(eventType, 0, eventTypeLength, expected, 0, expected.length);
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
        pendingIdLength = 0;
        pendingIdHasNul = false;
        retryMs = 0;
        retryValid = true;
        if (field == FIELD_EVENT) {
            eventTypeLength = 0;
        }
    }

    private void appendToValue(byte b) {
        switch (field) {
            case FIELD_DATA:
                if (data.length < dataLength + 1) {
                    data = grown(data, dataLength + 1);
                }
                data[dataLength++] = b;
                break;
            case FIELD_ID:
                if (b == 0) {
                    pendingIdHasNul = true;
                }
                if (pendingId.length < pendingIdLength + 1) {
                    pendingId = grown(pendingId, pendingIdLength + 1);
                }
                pendingId[pendingIdLength++] = b;
                break;
            case FIELD_EVENT:
                if (eventType.length < eventTypeLength + 1) {
                    eventType = grown(eventType, eventTypeLength + 1);
                }
                eventType[eventTypeLength++] = b;
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
                if (data.length < dataLength + 1) {
                    data = grown(data, dataLength + 1);
                }
                data[dataLength++] = '\n';
                break;
            case FIELD_ID:
                if (!pendingIdHasNul) {
                    if (idBuffer.length < pendingIdLength) {
                        idBuffer = new byte[pendingIdLength];
                    }
                    System.arraycopy(pendingId, 0, idBuffer, 0, pendingIdLength);
                    idBufferLength = pendingIdLength;
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
        if (lastEventId.length < idBufferLength) {
            lastEventId = new byte[idBufferLength];
        }
        System.arraycopy(idBuffer, 0, lastEventId, 0, idBufferLength);
        lastEventIdLength = idBufferLength;
        if (dataLength == 0) {
            eventHasId = false;
            eventTypeLength = 0;
            return;
        }
        dataLength--; // the LF after the last data line
        listener.onEvent(this);
        eventHasId = false;
        dataLength = 0;
        eventTypeLength = 0;
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

    /** A copy of {@code buffer} with room for at least {@code capacity} bytes (double, at least 32). */
    private static byte[] grown(byte[] buffer, int capacity) {
        return Arrays.copyOf(buffer, Math.max(capacity, Math.max(32, buffer.length * 2)));
    }
}
