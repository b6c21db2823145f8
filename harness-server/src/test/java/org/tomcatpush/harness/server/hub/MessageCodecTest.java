package org.tomcatpush.harness.server.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The wire form both sides share: exact bytes out, the same numbers back in. */
class MessageCodecTest {

    @Test
    void encodesTheDocumentedFormExactly() {
        byte[] json = MessageCodec.encode(42, 1764091234567890L, 4);
        assertEquals("{\"seq\":42,\"ts\":1764091234567890,\"p\":\"xxxx\"}", new String(json, StandardCharsets.UTF_8));
        assertEquals("{\"seq\":1,\"ts\":0,\"p\":\"\"}", new String(MessageCodec.encode(1, 0, 0), StandardCharsets.UTF_8));
    }

    @Test
    void encodedMessageIsValidJsonWithThePaddingLength() throws Exception {
        JsonNode node = new ObjectMapper().readTree(MessageCodec.encode(9_876_543_210L, 1L, 300));
        assertEquals(9_876_543_210L, node.get("seq").asLong());
        assertEquals(1L, node.get("ts").asLong());
        assertEquals(300, node.get("p").asText().length());
    }

    @Test
    void decodesSequenceAndIntendedTimeFromAnyCharSequence() {
        String json = "{\"seq\":123456789,\"ts\":1764091234567890,\"p\":\"xx\"}";
        assertEquals(123456789L, MessageCodec.seq(json));
        assertEquals(1764091234567890L, MessageCodec.intendedAtMicros(json));
        assertEquals(123456789L, MessageCodec.seq(new StringBuilder(json)));
        assertEquals(1764091234567890L, MessageCodec.intendedAtMicros(CharBuffer.wrap(json)));
        assertFalse(MessageCodec.isGap(json));
    }

    @Test
    void decodingToleratesKeyOrderAndWhitespace() {
        String json = "{ \"p\": \"x\", \"ts\": 77, \"seq\": 5 }";
        assertEquals(5, MessageCodec.seq(json));
        assertEquals(77, MessageCodec.intendedAtMicros(json));
    }

    @Test
    void gapRoundTrips() {
        String gap = MessageCodec.encodeGap(new Gap(3, 17));
        assertEquals("{\"gap\":{\"from\":3,\"to\":17}}", gap);
        assertTrue(MessageCodec.isGap(gap));
        assertTrue(MessageCodec.isGap(" { \"gap\" : {}}"));
        assertEquals(3, MessageCodec.gapFrom(gap));
        assertEquals(17, MessageCodec.gapTo(gap));
        assertEquals(new Gap(3, 17), MessageCodec.gap(gap));
        assertEquals(15, MessageCodec.gap(gap).count());
    }

    @Test
    void sseEventCarriesIdDataAndTheBlankLine() {
        byte[] json = MessageCodec.encode(7, 5, 1);
        assertEquals("id: 7\ndata: {\"seq\":7,\"ts\":5,\"p\":\"x\"}\n\n",
                new String(MessageCodec.sseEvent(7, json), StandardCharsets.UTF_8));
        assertEquals("event: gap\ndata: {\"gap\":{\"from\":1,\"to\":2}}\n\n",
                new String(MessageCodec.sseGapEvent(new Gap(1, 2)), StandardCharsets.UTF_8));
    }

    @Test
    void splitsAPollBodyIntoCursorGapAndMessages() {
        String m1 = "{\"seq\":43,\"ts\":1,\"p\":\"x\"}";
        String m2 = "{\"seq\":44,\"ts\":2,\"p\":\"}{\"}";
        PollBody body = MessageCodec.parsePollBody("{\"last\":44,\"gap\":{\"from\":3,\"to\":42},\"messages\":[" + m1 + ","
                + m2 + "]}");
        assertEquals(44, body.last());
        assertEquals(new Gap(3, 42), body.gap());
        assertEquals(List.of(m1, m2), body.messages());

        PollBody empty = MessageCodec.parsePollBody("{\"last\":0,\"gap\":null,\"messages\":[]}");
        assertEquals(0, empty.last());
        assertNull(empty.gap());
        assertTrue(empty.messages().isEmpty());
    }

    @Test
    void rejectsTextThatIsNotAMessageWithAClearReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.seq("{\"x\":1}"));
        assertTrue(e.getMessage().startsWith("not a message (no \"seq\")"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.seq("{\"seq\":\"a\"}"));
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.parsePollBody("{\"last\":1}"));
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.parsePollBody("{\"last\":1,\"messages\":[{\"seq\":1"));
    }

    @Test
    void nowMicrosIsEpochMicroseconds() {
        long before = System.currentTimeMillis();
        long now = MessageCodec.nowMicros();
        long after = System.currentTimeMillis();
        assertTrue(now >= before * 1000 && now <= (after + 1) * 1000, now + " not within " + before + ".." + after + " ms");
    }

    @Test
    void messageHoldsEveryWireFormOfTheSameBytes() {
        Message m = Message.encode(12, 34, 40, 2);
        assertEquals(12, m.seq());
        assertEquals(34, m.intendedAtMicros());
        assertEquals(40, m.publishedAtMicros());
        assertEquals(6, m.lagMicros());
        assertEquals("{\"seq\":12,\"ts\":34,\"p\":\"xx\"}", m.text());
        assertEquals(m.text(), new String(m.json(), StandardCharsets.UTF_8));
        assertEquals("id: 12\ndata: " + m.text() + "\n\n", new String(m.sseEvent(), StandardCharsets.UTF_8));
    }

    @Test
    void aMessageIsNeverPublishedBeforeItIsDue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Message.encode(1, 40, 34, 0));
        assertEquals("a message cannot be published before it is due (intended 40, published 34)", e.getMessage());
    }
}
