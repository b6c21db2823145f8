package org.tomcatpush.harness.server.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The wire form the server writes: exact bytes, valid JSON (read back with Jackson). That the load
 * client reads the same numbers back is harness-client's WireFormatCompatibilityTest.
 */
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
    void negativeNumbersAreRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.encode(-1, 0, 0));
        assertEquals("seq must not be negative (got -1)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.encode(1, 0, -2));
        assertEquals("padding must not be negative (got -2)", e.getMessage());
    }

    @Test
    void gapIsEncodedInTheDocumentedForm() throws Exception {
        String gap = MessageCodec.encodeGap(new Gap(3, 17));
        assertEquals("{\"gap\":{\"from\":3,\"to\":17}}", gap);
        JsonNode node = new ObjectMapper().readTree(gap);
        assertEquals(3, node.get("gap").get("from").asLong());
        assertEquals(17, node.get("gap").get("to").asLong());
        assertEquals(15, new Gap(3, 17).count());
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
