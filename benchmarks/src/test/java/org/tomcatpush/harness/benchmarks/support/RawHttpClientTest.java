package org.tomcatpush.harness.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * The round-trip benchmark's client reconnects exactly when Tomcat closes at
 * {@code maxKeepAliveRequests}, so the knob alone decides the price being measured.
 */
class RawHttpClientTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void limitOneOpensAConnectionForEveryPoll() throws IOException {
        assertConnectionsForPolls("1", 5, 5);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void limitThreeReconnectsAfterEveryThirdPoll() throws IOException {
        assertConnectionsForPolls("3", 7, 3);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unlimitedKeepsOneConnectionForEveryPoll() throws IOException {
        assertConnectionsForPolls("-1", 250, 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pollLoadGivesEachThreadItsOwnConnection() throws IOException {
        try (PollLoad load = PollLoad.start(3, "--max-keep-alive-requests", "-1")) {
            for (int round = 0; round < 4; round++) {
                for (int thread = 0; thread < 3; thread++) {
                    assertEquals(200, load.poll(thread));
                }
            }
            assertEquals(12, load.polls());
            assertEquals(3, load.connectionsOpened());
            assertEquals("12 polls on 3 connections (4.0 polls per connection)", load.connectionSummary());
        }
    }

    private static void assertConnectionsForPolls(String maxKeepAliveRequests, int polls, long connections)
            throws IOException {
        try (PollLoad load = PollLoad.start(1, "--max-keep-alive-requests", maxKeepAliveRequests)) {
            for (int i = 0; i < polls; i++) {
                assertEquals(200, load.poll(0), "status of poll " + (i + 1));
            }
            assertEquals(polls, load.polls());
            assertEquals(connections, load.connectionsOpened(),
                    "connections for " + polls + " polls at maxKeepAliveRequests " + maxKeepAliveRequests);
            assertEquals(polls, load.server().probe().counters().requests(Endpoint.POLL),
                    "the server counted every poll once");
        }
    }
}
