package org.tomcatpush.harness.client.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.asynchttpclient.netty.channel.ChannelManager;
import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

/**
 * The keep-alive headers of the first response on each connection, read from the bytes the
 * "server" sends into a pipeline shaped like async-http-client's; later responses do not count.
 */
class FirstResponseHeadersTest {

    private final RunRecorder recorder = new RunRecorder(TransportMix.of(Transport.SHORT_POLL));
    private final ConnectionAccounting accounting = new ConnectionAccounting(recorder, 100);

    /** One connection: a poll per response, each answered with {@code headers} of its own. */
    private void connection(String... headers) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast(ChannelManager.HTTP_CLIENT_CODEC, new HttpClientCodec());
        accounting.channelInitializer().accept(channel);
        try {
            for (String h : headers) {
                channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/poll?since=0"));
                for (Object o; (o = channel.readOutbound()) != null; ) {
                    ReferenceCountUtil.release(o);
                }
                channel.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + h + "\r\n{}",
                        StandardCharsets.US_ASCII));
                for (Object o; (o = channel.readInbound()) != null; ) {
                    ReferenceCountUtil.release(o);
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private FirstResponseHeaders headers() {
        return recorder.forTransport(Transport.SHORT_POLL).counters().firstResponseHeaders();
    }

    @Test
    void onlyTheFirstResponseOfEachConnectionIsRead() {
        connection("Keep-Alive: timeout=30\r\nConnection: keep-alive\r\n", "Keep-Alive: timeout=5, max=9\r\n");
        connection("Keep-Alive: timeout=30\r\nConnection: keep-alive\r\n");

        assertEquals(new FirstResponseHeaders(2, 2, 2, 30, 30, 0, 2, 0), headers());
        assertEquals(OptionalLong.of(30), headers().timeoutS());
    }

    @Test
    void maxIsCountedAndTheTimeoutReadWhereverItStands() {
        connection("keep-alive: max=100, TIMEOUT=20\r\n");

        assertEquals(new FirstResponseHeaders(1, 1, 1, 20, 20, 1, 0, 0), headers());
    }

    @Test
    void aResponseWithoutTheHeaderCountsAsAFirstResponseOnly() {
        connection("Connection: close\r\n");
        connection("");

        assertEquals(new FirstResponseHeaders(2, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0, 1), headers());
        assertTrue(headers().timeoutS().isEmpty());
    }

    @Test
    void timeoutsThatDisagreeOrAreMissingHaveNoOneValue() {
        connection("Keep-Alive: timeout=30\r\n");
        connection("Keep-Alive: timeout=20\r\n");
        assertTrue(headers().timeoutS().isEmpty(), "30 and 20 disagree");

        FirstResponseHeaders lacking = new FirstResponseHeaders(2, 2, 1, 30, 30, 0, 0, 0);
        assertTrue(lacking.timeoutS().isEmpty(), "one header without timeout=");
    }

    @Test
    void theSumOfTwoTransportsAddsCountsAndWidensTheTimeout() {
        FirstResponseHeaders a = new FirstResponseHeaders(3, 3, 3, 30, 30, 0, 3, 0);
        FirstResponseHeaders b = new FirstResponseHeaders(2, 2, 2, 20, 20, 1, 0, 1);

        assertEquals(new FirstResponseHeaders(5, 5, 5, 20, 30, 1, 3, 1), a.plus(b));
        assertEquals(a, a.plus(FirstResponseHeaders.NONE));
    }
}
