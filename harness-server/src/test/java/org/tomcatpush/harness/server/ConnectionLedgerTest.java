package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomcatpush.harness.server.probe.ConnectionLedger;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The per-connection ledger counts a connection and its request when the request starts, so held
 * streams and WebSocket sessions are in it while they are open, and every connection the server
 * closes is counted once, by its cause.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLedgerTest {

    @Test
    void heldSseStreamIsInTheLedgerWhileOpen() throws Exception {
        try (HarnessServer server = startServer();
             SseConnection sse = SseConnection.open(server.baseUri(), "/sse")) {
            assertEquals("open", sse.next().comment());
            JsonNode perConnection = TestServers.stats(server).get("perConnection");
            assertEquals(1, perConnection.get("connectionsSeen").asLong());
            assertEquals(1, perConnection.get("requests").asLong());
            assertEquals(1, perConnection.get("requestsPerConnectionMax").asLong());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "blocking"})
    void heldWebSocketSessionIsInTheLedgerWhileOpen(String handler) throws Exception {
        try (TestServers.Client client = TestServers.httpClient();
             HarnessServer server = startServer("--handler", handler)) {
            WebSocketTest.Frames frames = new WebSocketTest.Frames();
            WebSocket ws = client.http().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://" + server.baseUri().getAuthority() + "/ws"), frames)
                    .get(10, TimeUnit.SECONDS);
            assertTrue(TestServers.await(5_000, () -> server.probe().counters().wsSessions() == 1));
            server.hub().publish(1);
            frames.next();
            JsonNode stats = TestServers.stats(server);
            assertEquals(1, stats.get("perConnection").get("connectionsSeen").asLong());
            assertEquals(1, stats.get("perConnection").get("requests").asLong());
            assertEquals(1, stats.get("requests").get("ws").asLong());
            assertEquals(0, stats.get("serverCloses").get("total").asLong(), "nothing closed yet");
            ws.abort();
        }
    }

    @Test
    void everyConnectionCarriesFiveRequestsAndItsFifthClosesAtTheLimit() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "5")) {
            for (int connection = 0; connection < 3; connection++) {
                try (RawConnection socket = new RawConnection(server.baseUri())) {
                    for (int i = 1; i <= 5; i++) {
                        assertEquals(i == 5, socket.exchange("GET", "/poll").closes(), "response " + i);
                    }
                    assertTrue(socket.awaitServerClose());
                }
            }
            assertTrue(TestServers.await(5_000, () -> server.probe().perConnection().closedAtKeepAliveLimit() == 3));
            ConnectionLedger.Summary ledger = server.probe().perConnection();
            assertEquals(3, ledger.connectionsSeen());
            assertEquals(15, ledger.requests());
            assertEquals(5, ledger.requestsPerConnectionMax());
            assertEquals(0, ledger.closedOther());
            JsonNode closes = TestServers.stats(server).get("serverCloses");
            assertEquals(3, closes.get("keepAliveLimit").asLong());
            assertEquals(3, closes.get("total").asLong(), "nothing else closed: " + closes);
        }
    }

    @Test
    void errorStatusThatClosesTheConnectionIsAClosingResponse() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "5");
             RawConnection socket = new RawConnection(server.baseUri())) {
            assertFalse(socket.exchange("GET", "/poll").closes());
            RawConnection.Response bad = socket.exchange("GET", "/poll?since=nope");
            assertEquals(400, bad.status());
            assertTrue(bad.closes(), "Tomcat drops the connection after a 400");
            ServerCloses closes = server.probe().counters().closes();
            assertTrue(TestServers.await(5_000, () -> closes.total() == 1));
            assertEquals(1, closes.count(ServerCloseCause.CLOSING_RESPONSE));
            assertEquals(2, server.probe().perConnection().requests());
        }
    }

    @Test
    void refusedWebSocketSessionIsAClosingResponse() throws Exception {
        try (TestServers.Client client = TestServers.httpClient();
             HarnessServer server = startServer()) {
            WebSocketTest.Frames frames = new WebSocketTest.Frames();
            client.http().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://" + server.baseUri().getAuthority() + "/ws?since=nope"), frames)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(1003, frames.closed.get(10, TimeUnit.SECONDS));
            ServerCloses closes = server.probe().counters().closes();
            assertEquals(1, closes.count(ServerCloseCause.CLOSING_RESPONSE));
            assertEquals(1, closes.total());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "blocking"})
    void streamWhoseClientStopsReadingIsCutAsASlowConsumer(String handler) throws Exception {
        // Tomcat's write timeout is the connection timeout: a write that cannot go out for 1 s fails
        try (HarnessServer server = startServer("--handler", handler, "--connection-timeout", "1000",
                "--payload-bytes", Integer.toString(64 * 1024));
             SseConnection stuck = SseConnection.open(server.baseUri(), "/sse")) {
            assertEquals("open", stuck.next().comment());
            ServerCloses closes = server.probe().counters().closes();
            // about 26 MB: far more than the socket buffers between the server and a client that reads nothing
            for (int i = 0; i < 400 && closes.total() == 0; i++) {
                server.hub().publish(1);
            }
            assertTrue(TestServers.await(20_000, () -> closes.total() == 1), "the stuck stream is cut");
            assertEquals(1, closes.count(ServerCloseCause.SLOW_CONSUMER), "counted as a slow consumer");
            assertTrue(TestServers.await(5_000, () -> server.probe().counters().asyncInFlight(
                    org.tomcatpush.harness.server.probe.Endpoint.SSE) == 0 && server.probe().threads().busy() == 0));
            assertEquals(1, closes.total(), "once");
        }
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringConnectionLedgerTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
