package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * A foreign application's payloads ({@code --endpoints}): each non-empty unit is one message, its
 * publish time read from the named JSON field in epoch ms or µs, however the unit is split; and an
 * SSE event's own numeric {@code id:} is what its sequence is checked by.
 */
class ForeignPayloadTest {

    private final List<Long> published = new ArrayList<>();

    private ForeignPayload reader(String field) {
        return new ForeignPayload(published::add, field);
    }

    @Test
    void everyNonEmptyUnitIsOneMessageAndAnEmptyOneNone() {
        ForeignPayload reader = reader(null);
        unit(reader, "{\"price\": 12}");
        unit(reader, "plain text");
        unit(reader, "");

        assertEquals(List.of(-1L, -1L), published);
    }

    @Test
    void thePublishTimeIsReadInMillisecondsOrMicroseconds() {
        ForeignPayload reader = reader("sentAt");
        unit(reader, "{\"id\":1,\"sentAt\":1764640000123,\"x\":\"sentAt\"}");
        unit(reader, "{\"sentAt\" :  1764640000123456}");
        unit(reader, "{\"other\":1764640000123}");
        unit(reader, "{\"sentAt\":\"1764640000123\"}");

        assertEquals(List.of(1_764_640_000_123_000L, 1_764_640_000_123_456L, -1L, -1L), published);
    }

    @Test
    void aFieldSplitAtEveryByteIsReadTheSame() {
        ForeignPayload reader = reader("ts");
        reader.reset();
        for (byte b : "[{\"tss\":5},{\"ts\":1764640000999}]".getBytes(StandardCharsets.US_ASCII)) {
            ByteBuf one = Unpooled.wrappedBuffer(new byte[] {b});
            reader.feed(one);
        }
        reader.end();

        assertEquals(List.of(1_764_640_000_999_000L), published);
    }

    @Test
    void aNumberEndingTheUnitIsRead() {
        ForeignPayload reader = reader("t");
        reader.reset();
        reader.feed("\"t\":1764640000001");
        reader.end();

        assertEquals(List.of(1_764_640_000_001_000L), published);
    }

    @Test
    void onlyAnEventsOwnNumericIdCounts() {
        List<Long> ids = new ArrayList<>();
        SseParser parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(SseParser event) {
                ids.add(event.eventIdNumber());
            }

            @Override
            public void onRetry(long retryMs) {
            }
        });
        byte[] stream = "id: 7\ndata: a\n\ndata: no id of its own\n\nid: x9\ndata: b\n\nid: 12\ndata: c\n\n"
                .getBytes(StandardCharsets.UTF_8);
        parser.feed(stream, 0, stream.length);

        assertEquals(List.of(7L, -1L, -1L, 12L), ids);
    }

    private static void unit(ForeignPayload reader, String text) {
        reader.reset();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        reader.feed(bytes, 0, bytes.length);
        reader.end();
    }
}
