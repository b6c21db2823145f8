package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Delivery latency counts from each message's intended publish time, not from when the server got
 * round to publishing it: a publisher stalled on purpose for 500 ms shows in the sessions' latency
 * (publish-side coordinated omission), where timing from the actual publish would hide it.
 */
class IntendedTimeLatencyTest {

    private static final int SESSIONS = 2;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aStalledPublisherShowsInTheDeliveryLatencyOfEverySession() {
        try (TestServer server = TestServer.start("--publish-rate", "20")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, SESSIONS).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("the streams receive messages", Duration.ofSeconds(30),
                        () -> sse.counters().messagesReceived() >= 2 * SESSIONS);
                server.resetProbe();
                long before = sse.counters().messagesReceived();

                server.stallPublisher(Duration.ofMillis(500));
                await("the publisher stalled and caught up", Duration.ofSeconds(30),
                        () -> server.publisherLagMaxMicros() >= 450_000);
                // the ten messages that fell due in the stall, and a few more, reach both sessions
                await("the late messages delivered", Duration.ofSeconds(30),
                        () -> sse.counters().messagesReceived() >= before + 12 * SESSIONS);
            }
            Histogram latencyMicros = sse.latencyRecorder().getIntervalHistogram();
            assertTrue(latencyMicros.getMaxValue() >= 450_000,
                    "latency max " + latencyMicros.getMaxValue() + " us includes the stall");
            assertEquals(0, sse.counters().messagesLost());
        }
    }
}
