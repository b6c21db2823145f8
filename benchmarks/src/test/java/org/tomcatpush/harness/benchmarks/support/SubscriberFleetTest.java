package org.tomcatpush.harness.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.server.HarnessServer;

/**
 * The delivery benchmark's fleet returns from each publish only once every subscriber has that
 * message: the counts after a few publishes are exact, nothing lost or duplicated.
 */
class SubscriberFleetTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int SUBSCRIBERS = 5;
    private static final int PUBLISHES = 4;

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"SSE", "WS", "LONG_POLL"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void eachPublishReturnsOnceEverySubscriberHasTheMessage(Transport transport) {
        try (HarnessServer server = BenchServers.start("--max-keep-alive-requests", "-1", "--long-poll-hold", "600000")) {
            try (SubscriberFleet fleet = SubscriberFleet.open(server, transport, SUBSCRIBERS, TIMEOUT)) {
                assertEquals(SUBSCRIBERS, server.hub().subscriberCount(), "every subscriber waits on the hub");
                for (int i = 1; i <= PUBLISHES; i++) {
                    fleet.awaitAllWaiting(TIMEOUT);
                    assertEquals(i, fleet.publishAndAwaitDelivery(TIMEOUT), "sequence of publish " + i);
                    assertEquals((long) SUBSCRIBERS * i, fleet.recorder().messagesReceived(),
                            "messages received after publish " + i);
                }
                TransportCounters counters = fleet.recorder().counters();
                assertEquals(0, counters.messagesLost());
                assertEquals(0, counters.messagesDuplicated());
                assertEquals(0, counters.errors());
                assertEquals(SUBSCRIBERS, counters.connectionsOpened(), "no subscriber reconnected");
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shortPollIsRefusedBecauseNothingIsPushedToIt() {
        try (HarnessServer server = BenchServers.start()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SubscriberFleet.open(server, Transport.SHORT_POLL, 1, TIMEOUT));
            assertTrue(e.getMessage().contains("use sse, ws or long-poll"), e.getMessage());
        }
    }
}
