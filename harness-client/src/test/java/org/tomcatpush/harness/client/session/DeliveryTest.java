package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Every published message reaches every WebSocket and long-poll session exactly once and in order:
 * the sequence check would count a message out of order as lost and then duplicated.
 */
class DeliveryTest {

    private static final int SESSIONS = 10;
    private static final int BATCHES = 5;
    private static final int PER_BATCH = 40;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void webSocketSessionsReceiveEveryMessageOnceInOrder() {
        try (TestServer server = TestServer.start("--publish-rate", "0")) {
            TransportCounters client = deliver(server, Transport.WS,
                    () -> server.stats().get("wsSessions").asInt() == SESSIONS);
            assertEquals(SESSIONS, client.requests(), "one upgrade per session, no reconnect");
            assertEquals(SESSIONS, client.connectionsOpened());
            assertEquals(0, client.reconnectsTotal());
            assertEquals(SESSIONS, client.closes(CloseCause.CLIENT));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void longPollSessionsReceiveEveryMessageOnceInOrder() {
        try (TestServer server = TestServer.start("--publish-rate", "0", "--long-poll-hold", "30000")) {
            TransportCounters client = deliver(server, Transport.LONG_POLL,
                    () -> server.stats().get("asyncInFlight").get("longpoll").asInt() == SESSIONS);
            assertEquals(SESSIONS, client.connectionsOpened(), "each session keeps one connection alive");
            assertEquals(0, client.reconnectsTotal(), "long polls re-ask by design: no reconnects");
        }
    }

    /** Opens the sessions, waits until the server holds them all, publishes in batches and checks delivery. */
    private static TransportCounters deliver(TestServer server, Transport transport,
            java.util.function.BooleanSupplier allSubscribed) {
        Scenario scenario = TestScenario.of(server.baseUri(), transport, SESSIONS).build();
        RunRecorder recorder = new RunRecorder(scenario.mix());
        TransportRecorder transportRecorder = recorder.forTransport(transport);
        try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
            generator.start();
            await("all sessions subscribed on the server", Duration.ofSeconds(30), allSubscribed);
            for (int batch = 1; batch <= BATCHES; batch++) {
                server.publish(PER_BATCH);
                long expected = (long) SESSIONS * PER_BATCH * batch;
                await("batch " + batch + " delivered", Duration.ofSeconds(30),
                        () -> transportRecorder.counters().messagesReceived() >= expected);
                if (transport == Transport.LONG_POLL) {
                    await("every long poll waiting again", Duration.ofSeconds(30), allSubscribed);
                }
            }
        }
        TransportCounters client = transportRecorder.counters();
        assertEquals((long) SESSIONS * BATCHES * PER_BATCH, client.messagesReceived());
        assertEquals(0, client.messagesLost());
        assertEquals(0, client.messagesDuplicated());
        assertEquals(0, client.errors());
        assertEquals(client.messagesReceived(), transportRecorder.latencyRecorder().getIntervalHistogram().getTotalCount());
        assertEquals(SESSIONS, client.sessionsOpened(), "every session answered, each counted once");
        assertEquals(0, client.firstMessagesCensored());
        assertEquals(SESSIONS, transportRecorder.firstMessageRecorder().getIntervalHistogram().getTotalCount(),
                "one time to first message per session");
        return client;
    }
}
