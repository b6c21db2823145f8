package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** maxConnections and acceptCount (E5), and that every knob reaches the Tomcat connector. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectorLimitsTest {

    @Test
    void eleventhConnectionWaitsUntilOneOfTenCloses() throws Exception {
        List<RawConnection> open = new ArrayList<>();
        try (HarnessServer server = TestServers.start("--max-connections", "10", "--accept-count", "5")) {
            for (int i = 0; i < 10; i++) {
                RawConnection c = new RawConnection(server.baseUri());
                open.add(c);
                assertEquals(200, c.exchange("GET", "/poll").status());
            }
            assertTrue(TestServers.await(5_000, () -> server.probe().connections().count() == 10));

            RawConnection eleventh = new RawConnection(server.baseUri());
            open.add(eleventh);
            eleventh.send("GET", "/poll");
            assertTrue(eleventh.silentFor(1_000), "the 11th connection is not served while 10 are open");
            assertEquals(10, server.probe().connections().count());

            open.get(0).close();
            RawConnection.Response served = eleventh.readResponse();
            assertEquals(200, served.status(), "the 11th connection is served once one of the 10 closed");
        } finally {
            for (RawConnection c : open) {
                c.close();
            }
        }
    }

    @Test
    void everyKnobReachesTheConnector() {
        try (HarnessServer server = TestServers.start("--max-threads", "7", "--min-spare-threads", "3",
                "--max-connections", "77", "--accept-count", "33", "--connection-timeout", "4444",
                "--keep-alive-timeout", "5555", "--max-keep-alive-requests", "66", "--async-timeout", "7777")) {
            Connector connector = server.connector();
            assertEquals("7", String.valueOf(connector.getProperty("maxThreads")));
            assertEquals("3", String.valueOf(connector.getProperty("minSpareThreads")));
            assertEquals("77", String.valueOf(connector.getProperty("maxConnections")));
            assertEquals("33", String.valueOf(connector.getProperty("acceptCount")));
            assertEquals("4444", String.valueOf(connector.getProperty("connectionTimeout")));
            assertEquals("5555", String.valueOf(connector.getProperty("keepAliveTimeout")));
            assertEquals("66", String.valueOf(connector.getProperty("maxKeepAliveRequests")));
            assertEquals(7777L, connector.getAsyncTimeout());
            assertEquals("127.0.0.1", String.valueOf(connector.getProperty("address")).replace("/", ""));
            assertEquals(7, server.probe().threads().maxThreads());
            assertEquals(77, server.probe().connections().maxConnections());
        }
    }

    @Test
    void keepAliveTimeoutDefaultsToConnectionTimeout() {
        try (HarnessServer server = TestServers.start("--connection-timeout", "4321")) {
            assertEquals("4321", String.valueOf(server.connector().getProperty("keepAliveTimeout")));
        }
    }

    @Test
    void minSpareThreadsFollowsALowerMaxThreadsByDefault() {
        try (HarnessServer server = TestServers.start("--max-threads", "4")) {
            assertEquals("4", String.valueOf(server.connector().getProperty("minSpareThreads")));
            assertEquals(4, server.config().minSpareThreads());
        }
    }

    @Test
    void nio2ServesRequestsAndHasNoPoller() throws Exception {
        try (HarnessServer server = TestServers.start("--protocol", "nio2");
             RawConnection socket = new RawConnection(server.baseUri())) {
            assertEquals(200, socket.exchange("GET", "/poll").status());
            assertEquals("org.apache.coyote.http11.Http11Nio2Protocol",
                    server.connector().getProtocolHandlerClassName());
            assertEquals(-1, server.probe().connections().pollerSockets());
        }
    }

    @Test
    void connectionTimeoutClosesAConnectionThatSendsNothing() throws Exception {
        try (HarnessServer server = TestServers.start("--connection-timeout", "400");
             RawConnection socket = new RawConnection(server.baseUri())) {
            long start = System.nanoTime();
            assertTrue(socket.awaitServerClose(), "a silent connection is closed after connectionTimeout");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(ms >= 350 && ms <= 3000, "closed after " + ms + " ms");
        }
    }
}
