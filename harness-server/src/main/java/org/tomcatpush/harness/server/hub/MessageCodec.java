package org.tomcatpush.harness.server.hub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire form of harness messages (see docs/PROTOCOL.md), shared by the server, which encodes
 * each message once at publish time, and the load client, which decodes every message it
 * receives. Hand-written rather than Jackson because it runs once per received message: decoding
 * scans the text in place and allocates nothing.
 *
 * <pre>
 * message: {"seq":42,"ts":1764091234567890,"p":"xxxx"}
 * gap:     {"gap":{"from":3,"to":17}}
 * poll:    {"last":45,"gap":null,"messages":[{"seq":43,...},{"seq":44,...}]}
 * </pre>
 *
 * <p>Decoding is lenient about key order and whitespace but expects the numbers this codec writes
 * (non-negative decimal longs); input that is not a harness message or gap gets an
 * {@link IllegalArgumentException} naming what was missing. All methods are static and thread safe.
 *
 * <p>{@code ts} is the message's <em>intended</em> publish time: when the publisher's schedule
 * meant it to go out, not when it did, so that delivery latency includes any delay of the
 * publisher itself (see {@link Message}).
 *
 * <pre>
 * long latencyMicros = MessageCodec.nowMicros() - MessageCodec.intendedAtMicros(data);
 * if (MessageCodec.isGap(data)) { lost += MessageCodec.gapTo(data) - MessageCodec.gapFrom(data) + 1; }
 * </pre>
 */
public final class MessageCodec {

    private static final String SEQ_KEY = "\"seq\"";
    private static final String TS_KEY = "\"ts\"";
    private static final String GAP_KEY = "\"gap\"";
    private static final String FROM_KEY = "\"from\"";
    private static final String TO_KEY = "\"to\"";
    private static final String LAST_KEY = "\"last\"";
    private static final String MESSAGES_KEY = "\"messages\"";

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

    /** The sequence number of a message. */
    public static long seq(CharSequence json) {
        return longAfter(json, SEQ_KEY, "a message");
    }

    /** The intended publish time of a message ({@code ts}), in epoch microseconds. */
    public static long intendedAtMicros(CharSequence json) {
        return longAfter(json, TS_KEY, "a message");
    }

    /** True when the text is a gap notice rather than a message. */
    public static boolean isGap(CharSequence json) {
        int start = skipWhitespace(json, 0);
        if (start >= json.length() || json.charAt(start) != '{') {
            return false;
        }
        int key = skipWhitespace(json, start + 1);
        return startsWith(json, key, GAP_KEY) && valueAfterKey(json, key) >= 0;
    }

    /** The first lost sequence of a gap notice. */
    public static long gapFrom(CharSequence json) {
        return longAfter(json, FROM_KEY, "a gap");
    }

    /** The last lost sequence of a gap notice. */
    public static long gapTo(CharSequence json) {
        return longAfter(json, TO_KEY, "a gap");
    }

    /** Decodes a gap notice ({@code {"gap":{...}}}) or the bare gap object ({@code {"from":..,"to":..}}). */
    public static Gap gap(CharSequence json) {
        return new Gap(gapFrom(json), gapTo(json));
    }

    /**
     * Splits a {@code /poll} or {@code /longpoll} body into its cursor, gap and message texts.
     *
     * @throws IllegalArgumentException when the body is not a poll answer
     */
    public static PollBody parsePollBody(CharSequence body) {
        long last = longAfter(body, LAST_KEY, "a poll answer");
        Gap gap = null;
        int value = valueOf(body, GAP_KEY);
        if (value >= 0) {
            if (value < body.length() && body.charAt(value) == '{') {
                int end = objectEnd(body, value);
                gap = gap(body.subSequence(value, end + 1));
            }
        }
        int at = valueOf(body, MESSAGES_KEY);
        if (at < 0) {
            throw new IllegalArgumentException("not a poll answer (no \"messages\"): " + abbreviate(body));
        }
        if (at >= body.length() || body.charAt(at) != '[') {
            throw new IllegalArgumentException("not a poll answer (\"messages\" is not an array): " + abbreviate(body));
        }
        List<String> messages = new ArrayList<>();
        at++;
        while (true) {
            at = skipWhitespace(body, at);
            if (at >= body.length()) {
                throw new IllegalArgumentException("not a poll answer (unterminated \"messages\"): " + abbreviate(body));
            }
            char c = body.charAt(at);
            if (c == ']') {
                break;
            } else if (c == ',') {
                at++;
            } else if (c == '{') {
                int end = objectEnd(body, at);
                messages.add(body.subSequence(at, end + 1).toString());
                at = end + 1;
            } else {
                throw new IllegalArgumentException("not a poll answer (unexpected '" + c + "' in \"messages\"): "
                        + abbreviate(body));
            }
        }
        return new PollBody(last, gap, messages);
    }

    static String asText(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** Index of the value of the first {@code "key":} (whitespace allowed before the colon), or -1. */
    private static int valueOf(CharSequence text, String key) {
        for (int keyAt = indexOf(text, key, 0); keyAt >= 0; keyAt = indexOf(text, key, keyAt + 1)) {
            int value = valueAfterKey(text, keyAt);
            if (value >= 0) {
                return value;
            }
        }
        return -1;
    }

    /** For a quoted key at {@code keyAt}: the index of its value when a colon follows, else -1. */
    private static int valueAfterKey(CharSequence text, int keyAt) {
        int colon = keyAt + 1;
        while (colon < text.length() && text.charAt(colon) != '"') {
            colon++;
        }
        colon = skipWhitespace(text, colon + 1);
        return colon < text.length() && text.charAt(colon) == ':' ? skipWhitespace(text, colon + 1) : -1;
    }

    private static long longAfter(CharSequence text, String key, String what) {
        int at = valueOf(text, key);
        if (at < 0) {
            throw new IllegalArgumentException("not " + what + " (no " + key + "): " + abbreviate(text));
        }
        long value = 0;
        int start = at;
        for (int n = text.length(); at < n; at++) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        if (at == start || at - start > 18) {
            throw new IllegalArgumentException("not " + what + " (" + key + " is not a number): " + abbreviate(text));
        }
        return value;
    }

    /** Index of the '}' closing the object that starts at {@code open}, skipping strings. */
    private static int objectEnd(CharSequence text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated JSON object: " + abbreviate(text));
    }

    private static int indexOf(CharSequence text, String key, int from) {
        if (text instanceof String s) {
            return s.indexOf(key, from);
        }
        for (int i = from, last = text.length() - key.length(); i <= last; i++) {
            if (startsWith(text, i, key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int skipWhitespace(CharSequence text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 80 ? text.toString() : text.subSequence(0, 77) + "...";
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
