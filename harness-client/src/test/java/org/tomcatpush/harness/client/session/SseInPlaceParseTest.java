package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSE path reads sequence and publish time in place from Netty buffers (the parser copies or
 * skips whole runs of a line at once): for a table of streams it finds exactly the messages a
 * plain String reading of the same stream finds, however the stream is cut into buffers.
 */
class SseInPlaceParseTest {

    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {
        // one event, LF
        "id: 1\ndata: {\"seq\":1,\"ts\":1700000000000001,\"p\":\"xxxxxxxx\"}\n\n",
        // CRLF, a retry, comments and a heartbeat between events
        "retry: 250\r\n: open\r\n\r\nid: 7\r\ndata: {\"seq\":7,\"ts\":17,\"p\":\"x\"}\r\n\r\n: hb\r\n\r\n"
                + "id: 8\r\ndata: {\"seq\":8,\"ts\":18,\"p\":\"x\"}\r\n\r\n",
        // CR only, and no space after the colon
        "id:9\rdata:{\"seq\":9,\"ts\":19}\r\r",
        // a message split over several data lines (joined with LF)
        "id: 10\ndata: {\"seq\":10,\ndata: \"ts\":20,\ndata: \"p\":\"yy\"}\n\n",
        // a gap notice, then a message; a comment line inside an event
        "event: gap\ndata: {\"gap\":{\"from\":11,\"to\":12}}\n\nid: 13\n: note\ndata: {\"seq\":13,\"ts\":23}\n\n",
        // an event cut off by the end of the stream is discarded
        "id: 14\ndata: {\"seq\":14,\"ts\":24}\n\nid: 15\ndata: {\"seq\":15,\"ts\":25}\n",
        // a byte order mark, an empty data line, unknown fields
        "\uFEFFid: 16\ndata\nfoo: bar\ndata: {\"seq\":16,\"ts\":26}\n\n",
    })
    void findsTheSameMessagesAsAStringReadingAtEverySplit(String stream) {
        List<String> expected = stringReading(stream);
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, inPlace(List.of(bytes)), "one buffer");
        for (int cut = 1; cut < bytes.length; cut++) {
            byte[] head = java.util.Arrays.copyOfRange(bytes, 0, cut);
            byte[] tail = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
            assertEquals(expected, inPlace(List.of(head, tail)), "cut at " + cut);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : bytes) {
            single.add(new byte[] {b});
        }
        assertEquals(expected, inPlace(single), "a byte per buffer");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 17})
    void readsBetweenTheBufferIndexesAndLeavesThemAlone(int offset) {
        byte[] event = "id: 5\ndata: {\"seq\":5,\"ts\":55}\n\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuf buf = Unpooled.buffer(offset + event.length + 4);
        buf.writeBytes(new byte[offset]).writeBytes(event).writeBytes("data".getBytes(StandardCharsets.US_ASCII));
        buf.readerIndex(offset).writerIndex(offset + event.length);
        RecordingScannerListener listener = new RecordingScannerListener();
        parser(listener).feed(buf);
        assertEquals(List.of("msg 5@55"), messagesAndGaps(listener));
        assertEquals(offset, buf.readerIndex());
        assertEquals(offset + event.length, buf.writerIndex());
        buf.release();
    }

    private static List<String> inPlace(List<byte[]> buffers) {
        RecordingScannerListener listener = new RecordingScannerListener();
        SseParser parser = parser(listener);
        for (byte[] chunk : buffers) {
            ByteBuf buf = Unpooled.wrappedBuffer(chunk);
            parser.feed(buf);
            buf.release();
        }
        return messagesAndGaps(listener);
    }

    /** The messages and gaps the scanner reported, in order; its cursor lines left out, as the reference has none. */
    private static List<String> messagesAndGaps(RecordingScannerListener listener) {
        return listener.seen.stream().filter(line -> !line.startsWith("last ")).toList();
    }

    /** The session's chain: parser, then scanner over each event's data, reporting to {@code listener}. */
    private static SseParser parser(RecordingScannerListener listener) {
        MessageScanner scanner = new MessageScanner(listener);
        return new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(SseParser event) {
                scanner.reset();
                scanner.feed(event.data(), 0, event.dataLength());
            }

            @Override
            public void onRetry(long retryMs) {
            }
        });
    }

    /** The reference: the stream decoded to a String, cut into lines and events, seq and ts by pattern. */
    private static List<String> stringReading(String stream) {
        if (stream.startsWith("\uFEFF")) {
            stream = stream.substring(1);
        }
        List<String> seen = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        String[] lines = stream.split("\r\n|\r|\n", -1);
        // the last piece is what follows the last line end: an unfinished line, never dispatched
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    String payload = data.substring(0, data.length() - 1);
                    Matcher seq = SEQ.matcher(payload);
                    Matcher ts = TS.matcher(payload);
                    if (seq.find() && ts.find()) {
                        seen.add("msg " + seq.group(1) + "@" + ts.group(1));
                    } else if (payload.contains("\"gap\"")) {
                        Matcher from = Pattern.compile("\"from\":(\\d+)").matcher(payload);
                        Matcher to = Pattern.compile("\"to\":(\\d+)").matcher(payload);
                        if (from.find() && to.find()) {
                            seen.add("gap " + from.group(1) + ".." + to.group(1));
                        }
                    }
                }
                data.setLength(0);
            } else if (line.startsWith("data")) {
                String value = line.length() > 4 && line.charAt(4) == ':' ? line.substring(5) : "";
                data.append(value.startsWith(" ") ? value.substring(1) : value).append('\n');
            }
        }
        return seen;
    }
}
