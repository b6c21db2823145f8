package org.tomcatpush.harness.server;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tomcatpush.harness.server.hub.Gap;

/**
 * Reads what the server sends (docs/PROTOCOL.md) in tests, with Jackson: a message's sequence and
 * intended publish time, a gap notice, a poll answer. Deliberately not the server's own code, so
 * a test checks the wire form rather than the server agreeing with itself; the load client reads
 * the same form with its incremental scanner. Text that is not the expected form fails the test
 * with an {@link AssertionError} naming what was missing. Stateless and thread safe.
 */
final class WireJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireJson() {
    }

    /** The sequence number ({@code seq}) of a message. */
    static long seq(String json) {
        return number(read(json), "seq", "a message", json);
    }

    /** The intended publish time ({@code ts}) of a message, in epoch microseconds. */
    static long intendedAtMicros(String json) {
        return number(read(json), "ts", "a message", json);
    }

    /** True when the text is a gap notice, {@code {"gap":{...}}}, rather than a message. */
    static boolean isGap(String json) {
        return read(json).has("gap");
    }

    /** The first lost sequence of a gap notice. */
    static long gapFrom(String json) {
        return number(gapObject(json), "from", "a gap", json);
    }

    /** The last lost sequence of a gap notice. */
    static long gapTo(String json) {
        return number(gapObject(json), "to", "a gap", json);
    }

    /** A poll answer, {@code {"last":L,"gap":G|null,"messages":[...]}}, split into its parts. */
    static PollBody parsePollBody(String body) {
        JsonNode answer = read(body);
        long last = number(answer, "last", "a poll answer", body);
        JsonNode gap = answer.get("gap");
        JsonNode messages = answer.get("messages");
        if (messages == null || !messages.isArray()) {
            throw new AssertionError("not a poll answer (no \"messages\" array): " + body);
        }
        List<String> texts = new ArrayList<>();
        messages.forEach(m -> texts.add(m.toString()));
        return new PollBody(last, gap == null || gap.isNull() ? null
                : new Gap(number(gap, "from", "a gap", body), number(gap, "to", "a gap", body)), texts);
    }

    /** The object holding {@code from} and {@code to}: inside a gap notice, or the bare object. */
    private static JsonNode gapObject(String json) {
        JsonNode node = read(json);
        return node.has("gap") ? node.get("gap") : node;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (" + e.getOriginalMessage() + "): " + json, e);
        }
    }

    private static long number(JsonNode node, String key, String what, String text) {
        JsonNode value = node.get(key);
        if (value == null || !value.isIntegralNumber()) {
            throw new AssertionError("not " + what + " (no whole number \"" + key + "\"): " + text);
        }
        return value.asLong();
    }
}
