package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.server.hub.Gap;
import org.tomcatpush.harness.server.hub.Message;
import org.tomcatpush.harness.server.hub.MessageCodec;

/**
 * The client reads exactly what the server's {@link MessageCodec} writes: messages, gap notices and
 * SSE events, whatever the padding. (The client decodes with its own incremental scanner because
 * bodies arrive in chunks; this keeps the two in step.)
 */
class WireFormatCompatibilityTest {

    private final RecordingScannerListener recorder = new RecordingScannerListener();
    private final List<String> seen = recorder.seen;
    private final MessageScanner scanner = new MessageScanner(recorder);

    @Test
    void scannerReadsEncodedMessagesWithAnyPadding() {
        for (int padding : new int[] {0, 1, 16, 1_000}) {
            byte[] json = MessageCodec.encode(42, 1_764_091_234_567_890L, padding);
            scanner.reset();
            scanner.feed(json, 0, json.length);
        }
        assertEquals(List.of("msg 42@1764091234567890", "msg 42@1764091234567890",
                "msg 42@1764091234567890", "msg 42@1764091234567890"), seen);
    }

    @Test
    void scannerReportsTheIntendedPublishTimeOfALateMessage() {
        Message late = Message.encode(9, 1_764_091_234_000_000L, 1_764_091_234_500_000L, 3);
        scanner.feed(late.json(), 0, late.json().length);
        assertEquals(List.of("msg 9@1764091234000000"), seen, "latency counts from when it was due, not sent");
    }

    @Test
    void scannerReadsEncodedGapNotice() {
        scanner.feed(MessageCodec.encodeGap(new Gap(3, 17)));
        assertEquals(List.of("gap 3..17"), seen);
    }

    @Test
    void sseParserAndScannerReadEncodedEventsSplitAnywhere() {
        byte[] message = MessageCodec.sseEvent(7, MessageCodec.encode(7, 99, 5));
        byte[] gap = MessageCodec.sseGapEvent(new Gap(8, 9));
        String stream = new String(message, StandardCharsets.UTF_8) + ": hb\n\n" + new String(gap, StandardCharsets.UTF_8);
        List<String> ids = new ArrayList<>();
        SseParser parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(SseParser event) {
                ids.add(event.lastEventId());
                scanner.reset();
                scanner.feed(event.data(), 0, event.dataLength());
            }

            @Override
            public void onRetry(long retryMs) {
            }
        });
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            parser.feed(new byte[] {b}, 0, 1);
        }
        assertEquals(List.of("msg 7@99", "gap 8..9"), seen);
        assertEquals(List.of("7", "7"), ids, "a gap event carries no id: the last one stays");
    }
}
