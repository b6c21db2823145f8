package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The event-stream parser follows the browser's EventSource rules, however the stream is cut into chunks. */
class SseParserTest {

    /** What the parser dispatched, in order: "type|id|data" per event, "retry=N" per retry. */
    private final List<String> seen = new ArrayList<>();
    private final SseParser parser = new SseParser(new SseParser.Listener() {
        @Override
        public void onEvent(SseParser event) {
            String type = event.eventTypeIs("message") ? "message" : event.eventTypeIs("gap") ? "gap" : "other";
            seen.add(type + "|" + event.lastEventId() + "|" + event.dataAsString());
        }

        @Override
        public void onRetry(long retryMs) {
            seen.add("retry=" + retryMs);
        }
    });

    private void feed(String text) {
        ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
        try {
            parser.feed(buf);
        } finally {
            buf.release();
        }
    }

    /** Feeds the stream one byte per chunk, the worst split there is. */
    private void feedBytewise(String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            parser.feed(new byte[] {b}, 0, 1);
        }
    }

    @Test
    void dispatchesEventWithIdAndDataOnBlankLine() {
        feed("id: 43\ndata: {\"seq\":43}\n\n");
        assertEquals(List.of("message|43|{\"seq\":43}"), seen);
    }

    @Test
    void fieldsSplitAcrossChunksAtEveryByteGiveTheSameEvents() {
        String stream = "retry: 250\r\n: open\r\n\r\nid: 7\r\ndata: {\"seq\":7,\"ts\":1}\r\n\r\n"
                + "event: gap\r\ndata: {\"gap\":{\"from\":8,\"to\":9}}\r\n\r\nid: 10\rdata: x\r\r";
        feedBytewise(stream);
        assertEquals(List.of("retry=250", "message|7|{\"seq\":7,\"ts\":1}",
                "gap|7|{\"gap\":{\"from\":8,\"to\":9}}", "message|10|x"), seen);
    }

    @Test
    void chunkBoundaryInsideCrLfEndsTheLineOnce() {
        feed("data: a\r");
        feed("\ndata: b\r");
        feed("\n\r");
        feed("\n");
        assertEquals(List.of("message||a\nb"), seen);
    }

    @Test
    void commentsAndHeartbeatsDispatchNothing() {
        feed(": open\n\n: hb\n\n:\n\n");
        assertTrue(seen.isEmpty(), seen.toString());
    }

    @Test
    void multipleDataLinesJoinWithLineFeed() {
        feed("data: first\ndata:second\ndata\n\n");
        assertEquals(List.of("message||first\nsecond\n"), seen);
    }

    @Test
    void onlyOneLeadingSpaceIsDroppedFromAValue() {
        feed("data:  two spaces\n\n");
        assertEquals(List.of("message|| two spaces"), seen);
    }

    @Test
    void retryWithNonDigitsIsIgnored() {
        feed("retry: 12x\nretry:\nretry: 3000\n\n");
        assertEquals(List.of("retry=3000"), seen);
    }

    @Test
    void idWithoutDataUpdatesLastEventIdWithoutDispatching() {
        feed("id: 5\n\n");
        assertTrue(seen.isEmpty());
        assertEquals("5", parser.lastEventId());
    }

    @Test
    void idHoldingNulIsIgnored() {
        feed("id: 5\n\nid: 6\0\ndata: x\n\n");
        assertEquals(List.of("message|5|x"), seen);
    }

    @Test
    void eventCutOffByEndOfStreamIsDiscardedAndItsIdNotKept() {
        feed("id: 1\ndata: one\n\nid: 2\ndata: two\n");
        parser.startStream();
        assertEquals(List.of("message|1|one"), seen);
        assertEquals("1", parser.lastEventId(), "the reconnect resumes after the last complete event");
        feed("data: three\n\n");
        assertEquals("message|1|three", seen.get(1), "the id carries over to the new stream");
    }

    @Test
    void noIdBeforeAnyEventIsEmpty() {
        assertEquals("", parser.lastEventId());
        feed("data: x\n\n");
        assertEquals("", parser.lastEventId(), "an event without id sets no id");
    }

    @Test
    void eventTypeResetsAfterDispatch() {
        feed("event: gap\ndata: a\n\ndata: b\n\n");
        assertEquals(List.of("gap||a", "message||b"), seen);
    }

    @Test
    void unknownFieldsAndFieldsWithoutColonAreIgnored() {
        feed("foo: bar\nidx: 3\nretryx: 9\ndata: ok\n\n");
        assertEquals(List.of("message||ok"), seen);
        assertFalse(seen.contains("retry=9"));
    }

    @Test
    void leadingByteOrderMarkIsSkipped() {
        feed("\uFEFFdata: x\n\n");
        assertEquals(List.of("message||x"), seen);
    }

    @Test
    void largeDataGrowsTheBuffer() {
        String big = "x".repeat(10_000);
        feed("data: " + big + "\n\n");
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).equals("message||" + big), "the whole 10,000-byte data line is kept");
    }
}
