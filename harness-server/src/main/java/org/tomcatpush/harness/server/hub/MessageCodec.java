package org.tomcatpush.harness.server.hub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes the wire form of harness messages (see docs/PROTOCOL.md): the server encodes each
 * message once, at publish time, into every form a transport sends ({@link Message}). Hand-written
 * rather than Jackson because the bytes are exact and built without intermediate objects.
 *
 * <pre>
 * message: {"seq":42,"ts":1764091234567890,"p":"xxxx"}
 * gap:     {"gap":{"from":3,"to":17}}
 * sse:     id: 42\ndata: {"seq":42,...}\n\n
 * </pre>
 *
 * <p>{@code ts} is the message's <em>intended</em> publish time: when the publisher's schedule
 * meant it to go out, not when it did, so that delivery latency includes any delay of the
 * publisher itself (see {@link Message}). {@link #nowMicros()} is the one clock of publish and
 * receive times. The load client reads this form with its own incremental scanner, as bodies
 * arrive in chunks; harness-client's WireFormatCompatibilityTest keeps the two in step. All
 * methods are static and thread safe.
 */
public final class MessageCodec {

    private static final byte[] SEQ_PREFIX = ascii("{\"seq\":");
    private static final byte[] TS_PREFIX = ascii(",\"ts\":");
    private static final byte[] PAD_PREFIX = ascii(",\"p\":\"");
    private static final byte[] MESSAGE_END = ascii("\"}");
    private static final byte[] SSE_ID = ascii("id: ");
    private static final byte[] SSE_DATA = ascii("\ndata: ");
    private static final byte[] SSE_END = ascii("\n\n");

    private MessageCodec() {
    }

    /** Now, in epoch microseconds: the one clock for publish times (intended and actual) and receive times. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /**
     * Encodes {@code {"seq":S,"ts":T,"p":"x..x"}} with {@code paddingBytes} padding characters, in
     * UTF-8; {@code T} is {@code intendedAtMicros}, the intended publish time in epoch microseconds.
     */
    public static byte[] encode(long seq, long intendedAtMicros, int paddingBytes) {
        requireNonNegative(seq, "seq");
        requireNonNegative(intendedAtMicros, "ts");
        requireNonNegative(paddingBytes, "padding");
        int length = SEQ_PREFIX.length + digits(seq) + TS_PREFIX.length + digits(intendedAtMicros)
                + PAD_PREFIX.length + paddingBytes + MESSAGE_END.length;
        byte[] out = new byte[length];
        int at = put(out, 0, SEQ_PREFIX);
        at = putLong(out, at, seq);
        at = put(out, at, TS_PREFIX);
        at = putLong(out, at, intendedAtMicros);
        at = put(out, at, PAD_PREFIX);
        for (int end = at + paddingBytes; at < end; at++) {
            out[at] = 'x';
        }
        put(out, at, MESSAGE_END);
        return out;
    }

    /** Encodes {@code {"gap":{"from":F,"to":T}}}. */
    public static String encodeGap(Gap gap) {
        return "{\"gap\":{\"from\":" + gap.fromSeq() + ",\"to\":" + gap.toSeq() + "}}";
    }

    /** The complete SSE event for a message: {@code id: S}, {@code data: JSON} and the blank line. */
    public static byte[] sseEvent(long seq, byte[] json) {
        byte[] out = new byte[SSE_ID.length + digits(seq) + SSE_DATA.length + json.length + SSE_END.length];
        int at = put(out, 0, SSE_ID);
        at = putLong(out, at, seq);
        at = put(out, at, SSE_DATA);
        at = put(out, at, json);
        put(out, at, SSE_END);
        return out;
    }

    /** The SSE event announcing a gap: {@code event: gap} and the gap JSON as data. */
    public static byte[] sseGapEvent(Gap gap) {
        return ("event: gap\ndata: " + encodeGap(gap) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    static String asText(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static int digits(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private static int putLong(byte[] out, int at, long value) {
        int end = at + digits(value);
        for (int i = end - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative (got " + value + ")");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
