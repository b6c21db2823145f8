package org.tomcatpush.harness.client.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.asynchttpclient.netty.channel.ChannelManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

/**
 * Every connection's close is classified once, from what went over it, on a pipeline shaped like
 * async-http-client's (the HTTP codec named as AHC names it, the accounting installed the way AHC
 * installs it). The "server" here is bytes fed in and closes that bypass the pipeline.
 */
class ConnectionTrackerTest {

    private static final int KEEP_ALIVE_LIMIT = 3;

    private final RunRecorder recorder = new RunRecorder(new TransportMix(Map.of(
            Transport.SHORT_POLL, 1, Transport.LONG_POLL, 1, Transport.SSE, 1, Transport.WS, 1)));
    private final ConnectionAccounting accounting = new ConnectionAccounting(recorder, KEEP_ALIVE_LIMIT);
    private final EmbeddedChannel channel = new EmbeddedChannel();

    ConnectionTrackerTest() {
        channel.pipeline().addLast(ChannelManager.HTTP_CLIENT_CODEC, new HttpClientCodec());
        accounting.channelInitializer().accept(channel);
        channel.pipeline().addLast("ahc-stand-in", new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                // async-http-client's handler takes the exception; the connection is then closed
            }
        });
    }

    @AfterEach
    void cleanUp() {
        channel.finishAndReleaseAll();
    }

    private void request(String uri) {
        channel.writeOutbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri));
        drainOutbound();
    }

    private void drainOutbound() {
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
    }

    private void serverSends(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        for (Object o; (o = channel.readInbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
    }

    private static String ok(String extraHeaders) {
        return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + extraHeaders + "\r\n{}";
    }

    /** The peer closes the socket: the pipeline sees it go inactive without a close() passing through it. */
    private void serverCloses() {
        channel.unsafe().close(channel.voidPromise());
        channel.runPendingTasks();
    }

    private TransportCounters counters(Transport transport) {
        return recorder.forTransport(transport).counters();
    }

    @Test
    void responseWithConnectionCloseAtTheLimitIsKeepAliveLimit() {
        for (int i = 1; i <= KEEP_ALIVE_LIMIT; i++) {
            request("/poll?since=" + i);
            serverSends(ok(i == KEEP_ALIVE_LIMIT ? "Connection: close\r\n" : ""));
        }
        channel.close(); // async-http-client closes a connection whose response said Connection: close

        TransportCounters c = counters(Transport.SHORT_POLL);
        assertEquals(1, c.connectionsOpened());
        assertEquals(0, c.connectionsOpen());
        assertEquals(3, c.requests());
        assertEquals(1, c.closes(CloseCause.KEEPALIVE_LIMIT));
        assertEquals(3, c.requestsPerConnectionMax());
    }

    @Test
    void connectionCloseBeforeTheLimitIsServerOther() {
        request("/poll");
        serverSends(ok("Connection: close\r\n"));
        channel.close();
        assertEquals(1, counters(Transport.SHORT_POLL).closes(CloseCause.SERVER_OTHER));
        assertEquals(0, counters(Transport.SHORT_POLL).closes(CloseCause.KEEPALIVE_LIMIT));
    }

    @Test
    void serverClosingAnIdleKeptAliveConnectionIsIdleTimeout() {
        request("/poll");
        serverSends(ok(""));
        serverCloses();
        assertEquals(1, counters(Transport.SHORT_POLL).closes(CloseCause.IDLE_TIMEOUT));
    }

    @Test
    void serverCuttingAResponseShortIsServerOther() {
        request("/sse");
        serverSends("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7\r\n: open\n\r\n");
        serverCloses();
        TransportCounters c = counters(Transport.SSE);
        assertEquals(1, c.closes(CloseCause.SERVER_OTHER));
        assertEquals(0, c.closes(CloseCause.IDLE_TIMEOUT));
    }

    @Test
    void clientClosingIsClient() {
        request("/longpoll?since=4");
        channel.close();
        assertEquals(1, counters(Transport.LONG_POLL).closes(CloseCause.CLIENT));
    }

    @Test
    void everyCloseAfterTheRunStopsIsClient() {
        request("/poll");
        serverSends(ok(""));
        accounting.markStopping();
        serverCloses();
        assertEquals(1, counters(Transport.SHORT_POLL).closes(CloseCause.CLIENT));
        assertEquals(0, counters(Transport.SHORT_POLL).closes(CloseCause.IDLE_TIMEOUT));
    }

    @Test
    void resetIsError() {
        request("/sse");
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        serverCloses();
        assertEquals(1, counters(Transport.SSE).closes(CloseCause.ERROR));
    }

    @Test
    void serverClosingAReusedConnectionUnderANewRequestBeforeAnyAnswerByteIsStaleConnection() {
        request("/poll");
        serverSends(ok(""));
        request("/poll?since=1");
        assertTrue(ConnectionAccounting.isStaleExchange(channel), "reused, no answer byte yet");
        serverCloses();
        TransportCounters c = counters(Transport.SHORT_POLL);
        assertEquals(1, c.closes(CloseCause.STALE_CONNECTION));
        assertEquals(0, c.closes(CloseCause.SERVER_OTHER) + c.closes(CloseCause.ERROR));
    }

    @Test
    void resetOfAReusedConnectionUnderANewRequestBeforeAnyAnswerByteIsStaleConnection() {
        request("/poll");
        serverSends(ok(""));
        request("/poll?since=1");
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        channel.close(); // async-http-client closes the connection after the error
        assertEquals(1, counters(Transport.SHORT_POLL).closes(CloseCause.STALE_CONNECTION));
        assertEquals(0, counters(Transport.SHORT_POLL).closes(CloseCause.ERROR));
    }

    @Test
    void aFirstRequestCutBeforeItsAnswerIsNotStale() {
        request("/poll");
        assertFalse(ConnectionAccounting.isStaleExchange(channel), "a new connection cannot be stale");
        serverCloses();
        assertEquals(1, counters(Transport.SHORT_POLL).closes(CloseCause.SERVER_OTHER));
        assertEquals(0, counters(Transport.SHORT_POLL).closes(CloseCause.STALE_CONNECTION));
    }

    @Test
    void aReusedConnectionCutAfterTheFirstAnswerByteIsNotStale() {
        request("/poll");
        serverSends(ok(""));
        request("/poll?since=1");
        serverSends("HTTP/1.1 200");
        assertFalse(ConnectionAccounting.isStaleExchange(channel), "an answer had begun");
        serverCloses();
        assertEquals(0, counters(Transport.SHORT_POLL).closes(CloseCause.STALE_CONNECTION));
    }

    @Test
    void theClientAbandoningARequestOnAReusedConnectionIsClientNotStale() {
        request("/poll");
        serverSends(ok(""));
        request("/poll?since=1");
        channel.close(); // a request timeout: the client closes the connection on its own
        assertEquals(1, counters(Transport.SHORT_POLL).closes(CloseCause.CLIENT));
        assertEquals(0, counters(Transport.SHORT_POLL).closes(CloseCause.STALE_CONNECTION));
    }

    @Test
    void closeIsRecordedOnceEvenIfInactiveFiresTwice() {
        request("/poll");
        serverSends(ok(""));
        serverCloses();
        channel.pipeline().fireChannelInactive();
        TransportCounters c = counters(Transport.SHORT_POLL);
        assertEquals(1, c.closes().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0, c.connectionsOpen());
    }

    @Test
    void closeAllRecordsACloseItsEventLoopHasNotProcessedAsTheClientsOnce() {
        request("/sse");
        accounting.markStopping();
        assertEquals(1, accounting.openConnections());
        // the embedded event loop runs nothing until told to: the close cannot happen in time
        assertFalse(accounting.closeAll(Duration.ofMillis(50)));
        assertEquals(0, accounting.openConnections());
        assertEquals(1, counters(Transport.SSE).closes(CloseCause.CLIENT));
        channel.runPendingTasks(); // now the connection really closes: no second record
        assertFalse(channel.isOpen());
        assertEquals(1, counters(Transport.SSE).closes(CloseCause.CLIENT));
        assertEquals(0, counters(Transport.SSE).connectionsOpen());
    }

    @Test
    void webSocketClosedByServerCloseFrameIsServerOther() {
        upgradeToWebSocket();
        channel.pipeline().fireChannelRead(new CloseWebSocketFrame(1000, "bye"));
        channel.close(); // async-http-client closes the socket on the server's close frame
        TransportCounters c = counters(Transport.WS);
        assertEquals(1, c.requests());
        assertEquals(1, c.closes(CloseCause.SERVER_OTHER));
    }

    @Test
    void webSocketClosedByClientCloseFrameIsClient() {
        upgradeToWebSocket();
        channel.writeOutbound(new CloseWebSocketFrame(1000, "done"));
        drainOutbound();
        channel.pipeline().fireChannelRead(new CloseWebSocketFrame(1000, "done"));
        serverCloses();
        assertEquals(1, counters(Transport.WS).closes(CloseCause.CLIENT));
    }

    @Test
    void webSocketLostWithoutCloseFrameIsServerOtherNotIdle() {
        upgradeToWebSocket();
        serverCloses();
        assertEquals(1, counters(Transport.WS).closes(CloseCause.SERVER_OTHER));
    }

    @Test
    void bytesOnTheWireAreCountedForTheConnectionsTransport() {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/poll");
        channel.writeOutbound(request);
        long written = 0;
        for (Object o; (o = channel.readOutbound()) != null; ) {
            written += ((ByteBuf) o).readableBytes();
            ReferenceCountUtil.release(o);
        }
        String response = ok("");
        serverSends(response);
        TransportCounters c = counters(Transport.SHORT_POLL);
        assertEquals(written, c.bytesSent());
        assertEquals(response.length(), c.bytesReceived());
    }

    @Test
    void connectionWithoutHarnessRequestIsNotCounted() {
        request("/favicon.ico");
        serverSends("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        serverCloses();
        for (Transport t : Transport.values()) {
            assertEquals(0, counters(t).connectionsOpened());
            assertEquals(0, counters(t).requests());
        }
    }

    @Test
    void requestPathNamesTheTransport() {
        assertEquals(Transport.SHORT_POLL, ConnectionAccounting.transportOf("/poll?since=3"));
        assertEquals(Transport.LONG_POLL, ConnectionAccounting.transportOf("/longpoll"));
        assertEquals(Transport.SSE, ConnectionAccounting.transportOf("/app/sse"));
        assertEquals(Transport.WS, ConnectionAccounting.transportOf("/ws?since=0"));
        assertNull(ConnectionAccounting.transportOf("/harness/stats"));
    }

    private void upgradeToWebSocket() {
        request("/ws?since=0");
        serverSends("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
                + "Sec-WebSocket-Accept: x\r\n\r\n");
    }
}
