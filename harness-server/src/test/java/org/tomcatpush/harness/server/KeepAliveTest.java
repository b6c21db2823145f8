package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * maxKeepAliveRequests, keepAliveTimeout and the Keep-Alive header (experiments E1, E6, E7), seen
 * on one raw socket.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeepAliveTest {

    @Test
    void fifthResponseClosesConnectionAtLimitFive() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "5");
             RawConnection socket = new RawConnection(server.baseUri())) {
            for (int i = 1; i <= 4; i++) {
                RawConnection.Response r = socket.exchange("GET", "/poll");
                assertEquals(200, r.status());
                assertFalse(r.closes(), "response " + i + " must keep the connection");
            }
            RawConnection.Response fifth = socket.exchange("GET", "/poll");
            assertEquals(200, fifth.status());
            assertTrue(fifth.closes(), "the 5th response carries Connection: close");
            assertTrue(socket.awaitServerClose(), "the server closes the socket after the 5th response");
        }
    }

    @Test
    void unlimitedKeepAliveNeverCloses() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "-1");
             RawConnection socket = new RawConnection(server.baseUri())) {
            for (int i = 1; i <= 150; i++) {
                RawConnection.Response r = socket.exchange("GET", "/poll");
                assertEquals(200, r.status());
                assertFalse(r.closes(), "response " + i + " must keep the connection");
            }
            assertTrue(socket.silentFor(300), "the connection stays open after 150 requests");
        }
    }

    @Test
    void limitOneClosesAfterEveryResponse() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "1")) {
            for (int i = 1; i <= 3; i++) {
                try (RawConnection socket = new RawConnection(server.baseUri())) {
                    RawConnection.Response r = socket.exchange("GET", "/poll");
                    assertTrue(r.closes(), "response on connection " + i + " carries Connection: close");
                    assertTrue(socket.awaitServerClose());
                }
            }
        }
    }

    @Test
    void keepAliveHeaderOnlyWhenRequestAsksForKeepAliveAndNeverMax() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "20",
                "--keep-alive-timeout", "30000");
             RawConnection socket = new RawConnection(server.baseUri())) {
            RawConnection.Response asked = socket.exchange("GET", "/poll", "Connection: keep-alive");
            assertEquals("timeout=30", asked.header("keep-alive"),
                    "a request with Connection: keep-alive gets Keep-Alive: timeout=N (seconds) and no max=");

            RawConnection.Response plain = socket.exchange("GET", "/poll");
            assertNull(plain.header("keep-alive"), "without Connection: keep-alive there is no Keep-Alive header");

            for (int i = 0; i < 5; i++) {
                String header = socket.exchange("GET", "/poll", "Connection: keep-alive").header("keep-alive");
                assertFalse(header.contains("max="), "Tomcat never sends max= (got " + header + ")");
            }
        }
    }

    @Test
    void idleKeptAliveConnectionClosedAfterKeepAliveTimeout() throws Exception {
        try (HarnessServer server = startServer("--keep-alive-timeout", "500");
             RawConnection socket = new RawConnection(server.baseUri())) {
            RawConnection.Response r = socket.exchange("GET", "/poll");
            assertFalse(r.closes());
            long idleSince = System.nanoTime();
            assertTrue(socket.awaitServerClose(), "the server closes the idle connection");
            long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
            // Tomcat's poller checks timeouts about once a second: about 500 ms means 450..3000 here
            assertTrue(idleMs >= 450 && idleMs <= 3000, "closed after " + idleMs + " ms of idleness");
        }
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringKeepAliveTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
