package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The raw chunk reader, before Netty's HTTP decoder as in a session's pipeline: for each response,
 * cut into buffers at every place, the stream's parser sees exactly the events and the decoder
 * exactly the head, end and failures that the decoder alone reads from the same bytes; a plain
 * chunked body in one buffer reaches the decoder not at all, and the reader leaves the pipeline
 * at the end of the response.
 */
class RawChunkReaderTest {

    private static final String HEAD = "HTTP/1.1 200 \r\nContent-Type: text/event-stream\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    private static final String EVENTS = chunk("id: 1\ndata: {\"seq\":1}\n\n") + chunk(": hb\n\n")
            + chunk("id: 2\ndata: {\"seq\"") + chunk(":2}\n\nid: 3\ndata: {\"seq\":3}\n\n");

    static List<String> responses() {
        return List.of(
                // Tomcat's shape: one chunk per write, CRLF, the last chunk
                HEAD + EVENTS + "0\r\n\r\n",
                // bare LF line ends, upper-case hex, a chunk of more than 15 bytes
                "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n" + "1B\nid: 4\ndata: {\"seq\":4}\n\n\n" + "0\n\n",
                // a chunk extension: the decoder reads on from there
                HEAD + chunk("id: 5\ndata: {\"seq\":5}\n\n") + "f;ext=1\r\nid: 6\ndata: 6\n\n\r\n" + "0\r\n\r\n",
                // leading empty lines before the status line, as the decoder allows
                "\r\n" + HEAD + EVENTS + "0\r\n\r\n",
                // trailers after the last chunk
                HEAD + EVENTS + "0\r\nX-Trailer: 1\r\n\r\n",
                // no end: the connection is lost in the middle of a chunk
                HEAD + EVENTS + chunk("id: 9\ndata: {\"seq\":9}\n\n").substring(0, 10),
                // a 200 without chunks: the reader hands everything to the decoder
                "HTTP/1.1 200 OK\r\nContent-Length: 24\r\n\r\nid: 7\ndata: {\"seq\":7}\n\n",
                // an error answer: the reader is not told to take the body
                "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk("bad") + "0\r\n\r\n",
                // a malformed size line: the decoder's failure, as without the reader
                HEAD + chunk("id: 8\ndata: 8\n\n") + "zz\r\nxx\r\n0\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("responses")
    void readsWhatTheDecoderAloneReadsAtEverySplit(String response) {
        byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
        Reading expected = read(List.of(bytes), false);
        assertEquals(expected, read(List.of(bytes), true), "one buffer");
        for (int cut = 1; cut < bytes.length; cut++) {
            List<byte[]> two = List.of(Arrays.copyOfRange(bytes, 0, cut), Arrays.copyOfRange(bytes, cut, bytes.length));
            assertEquals(expected, read(two, true), "cut at " + cut);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : bytes) {
            single.add(new byte[] {b});
        }
        assertEquals(expected, read(single, true), "a byte per buffer");
    }

    @Test
    void aPlainChunkedBodyNeverReachesTheDecoderAndTheReaderLeavesAtItsEnd() {
        Pipeline pipeline = new Pipeline(true);
        pipeline.feed((HEAD + EVENTS).getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}"), pipeline.events);
        assertEquals(0, pipeline.decodedChunks, "chunks the decoder decoded");
        assertTrue(pipeline.channel.pipeline().get(RawChunkReader.NAME) != null, "still reading the stream");
        pipeline.feed("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, pipeline.ends);
        assertNull(pipeline.channel.pipeline().get(RawChunkReader.NAME), "left the pipeline at the end");
        assertFalse(pipeline.channel.finish());
    }

    @Test
    void aSizeLineCutByTheEndOfAReadIsKeptAndTheReaderReadsOn() {
        Pipeline pipeline = new Pipeline(true);
        String body = chunk("id: 1\ndata: {\"seq\":1}\n\n") + chunk("id: 2\ndata: {\"seq\":2}\n\n");
        int cut = body.indexOf("\r\n", body.indexOf("\n\n\r\n") + 4) - 1; // inside the second size line
        pipeline.feed((HEAD + body.substring(0, cut)).getBytes(StandardCharsets.US_ASCII));
        pipeline.feed(body.substring(cut).getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("{\"seq\":1}", "{\"seq\":2}"), pipeline.events);
        assertEquals(0, pipeline.decodedChunks, "chunks the decoder decoded");
        assertTrue(pipeline.channel.pipeline().get(RawChunkReader.NAME) != null, "still reading the stream");
        pipeline.feed("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, pipeline.ends);
        assertFalse(pipeline.channel.finish());
    }

    @Test
    void theEndOfAReadGoesOnOnlyWhenSomethingOfItDid() {
        Pipeline pipeline = new Pipeline(true);
        pipeline.feed((HEAD + chunk("id: 1\ndata: {\"seq\":1}\n\n")).getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, pipeline.readCompletes, "the read that carried the head");
        pipeline.feed(chunk("id: 2\ndata: {\"seq\":2}\n\n").getBytes(StandardCharsets.US_ASCII));
        String third = chunk("id: 3\ndata: {\"seq\":3}\n\n");
        int cut = third.indexOf(':', third.indexOf("seq")); // a chunk's data across two reads
        pipeline.feed(third.substring(0, cut).getBytes(StandardCharsets.US_ASCII));
        pipeline.feed(third.substring(cut).getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}"), pipeline.events);
        assertEquals(1, pipeline.readCompletes, "reads of chunk data only end at the reader");
        pipeline.feed("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(2, pipeline.readCompletes, "the read handed back to the decoder");
        assertEquals(1, pipeline.ends);
        assertFalse(pipeline.channel.finish());
    }

    @Test
    void withoutAutoReadTheEndOfEveryReadGoesOn() {
        Pipeline pipeline = new Pipeline(true);
        pipeline.channel.config().setAutoRead(false);
        pipeline.feed((HEAD + chunk("id: 1\ndata: {\"seq\":1}\n\n")).getBytes(StandardCharsets.US_ASCII));
        pipeline.feed(chunk("id: 2\ndata: {\"seq\":2}\n\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("{\"seq\":1}", "{\"seq\":2}"), pipeline.events);
        assertEquals(2, pipeline.readCompletes, "whoever asks for the next read must hear of this one's end");
        pipeline.channel.finish();
        pipeline.channel.releaseInbound();
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /** What the parser and the handler after the decoder saw. */
    private record Reading(List<String> events, List<String> decoded) {
    }

    private static Reading read(List<byte[]> buffers, boolean withReader) {
        Pipeline pipeline = new Pipeline(withReader);
        for (byte[] buffer : buffers) {
            pipeline.feed(buffer);
        }
        pipeline.channel.finish(); // the connection closes: the decoder says what it thinks of the end
        pipeline.channel.releaseInbound();
        return new Reading(pipeline.events, pipeline.decoded);
    }

    /**
     * A session's pipeline in small: the reader (or not), the HTTP client codec after a GET, and
     * what the session does after the decoder (take the body of a chunked 200, parse decoded chunks).
     */
    private static final class Pipeline {

        final List<String> events = new ArrayList<>();
        final List<String> decoded = new ArrayList<>();
        int decodedChunks;
        int ends;
        /** Ends of reads that reached the handler after the decoder. */
        int readCompletes;
        final EmbeddedChannel channel;
        private final SseParser parser = new SseParser(new SseParser.Listener() {
            @Override
            public void onEvent(SseParser event) {
                events.add(event.dataAsString());
            }

            @Override
            public void onRetry(long retryMs) {
            }
        });

        Pipeline(boolean withReader) {
            RawChunkReader reader = new RawChunkReader(parser);
            channel = new EmbeddedChannel(new HttpClientCodec());
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    try {
                        see(msg, reader);
                    } finally {
                        ReferenceCountUtil.release(msg);
                    }
                }

                @Override
                public void channelReadComplete(ChannelHandlerContext ctx) {
                    readCompletes++;
                }
            });
            channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/sse"));
            channel.releaseOutbound();
            if (withReader) {
                channel.pipeline().addFirst(RawChunkReader.NAME, reader);
            }
        }

        private void see(Object msg, RawChunkReader reader) {
            if (msg instanceof HttpResponse response) {
                decoded.add("head " + response.status().code() + (response.decoderResult().isFailure() ? " failed" : ""));
                if (response.status().code() == 200
                        && response.headers().containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)) {
                    reader.takeBody();
                }
            }
            if (msg instanceof HttpContent content) {
                if (content.decoderResult().isFailure()) {
                    decoded.add("failure");
                }
                parser.feed(content.content());
                if (msg instanceof LastHttpContent) {
                    decoded.add("end");
                    ends++;
                } else {
                    decodedChunks++;
                }
            }
        }

        void feed(byte[] bytes) {
            ByteBuf buf = Unpooled.directBuffer(bytes.length).writeBytes(bytes);
            channel.writeInbound(buf);
        }
    }
}
