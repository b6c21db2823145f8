package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.scenario.AgentSlice;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

/** The load generator's lifecycle: a mixed run opens every transport, and close() ends it cleanly as the client. */
class LoadGeneratorTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closeEndsEverySessionAndCountsEveryConnectionAsAClientClose() {
        try (TestServer server = TestServer.start("--publish-rate", "20")) {
            TransportMix mix = new TransportMix(Map.of(Transport.SHORT_POLL, 1, Transport.LONG_POLL, 1,
                    Transport.SSE, 1, Transport.WS, 1));
            Scenario scenario = new Scenario(server.baseUri(), mix, 8, Duration.ofMillis(200), Duration.ofMinutes(1),
                    Duration.ofMillis(100), false, 1, Duration.ofMillis(100), 2, Duration.ofSeconds(2), 100, 0);
            RunRecorder recorder = new RunRecorder(mix);
            LoadGenerator generator = new LoadGenerator(scenario, recorder);
            try {
                assertEquals(0, generator.openSessions(), "nothing opens before start()");
                generator.start();
                assertThrows(IllegalStateException.class, generator::start);
                await("all 8 sessions open", Duration.ofSeconds(30), () -> generator.openSessions() == 8);
                await("messages on every transport", Duration.ofSeconds(30), () -> recorder.all().values().stream()
                        .allMatch(r -> r.counters().messagesReceived() >= 4));
            } finally {
                generator.close();
            }
            generator.close(); // idempotent
            assertEquals(0, generator.openSessions());
            assertEquals(0, generator.openConnections());
            for (Transport transport : mix.transports()) {
                TransportCounters c = recorder.forTransport(transport).counters();
                assertEquals(2, c.connectionsOpened(), transport + ": one connection per session");
                assertEquals(0, c.connectionsOpen(), transport.cliName());
                assertEquals(0, c.sessionsOpen(), transport.cliName());
                assertEquals(2, c.closes(CloseCause.CLIENT), transport + " closes: " + c.closes());
                assertEquals(0, c.messagesLost(), transport.cliName());
                assertEquals(0, c.messagesDuplicated(), transport.cliName());
                assertEquals(0, c.errors(), transport.cliName());
            }
        }
    }

    @Test
    void closeBeforeStartIsHarmlessAndStartAfterCloseIsRefused() {
        Scenario scenario = TestScenario.of(java.net.URI.create("http://127.0.0.1:9"), Transport.SSE, 1).build();
        LoadGenerator generator = new LoadGenerator(scenario, new RunRecorder(scenario.mix()));
        generator.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, generator::start);
        assertEquals("the load generator is closed", e.getMessage());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPreparedGeneratorOpensNothingUntilStartAndClosesCleanlyWithoutIt() {
        try (TestServer server = TestServer.start("--publish-rate", "20")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 3).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            LoadGenerator generator = new LoadGenerator(scenario, recorder);
            generator.prepare();
            generator.prepare(); // idempotent
            assertEquals(0, generator.openConnections(), "prepare() opens no connection");
            generator.close();
            TransportCounters c = recorder.forTransport(Transport.SSE).counters();
            assertEquals(0, c.connectionsOpened());
            assertEquals(0, c.requests());
            assertEquals("the load generator is closed", assertThrows(IllegalStateException.class,
                    generator::prepare).getMessage());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anAgentsSessionsAreItsSliceOfThePlan() {
        try (TestServer server = TestServer.start("--publish-rate", "20")) {
            TransportMix mix = TransportMix.parse("sse=50,short-poll=50");
            Scenario whole = TestScenario.of(server.baseUri(), Transport.SSE, 10).build();
            Scenario scenario = new Scenario(whole.target(), mix, 10, Duration.ZERO, whole.duration(),
                    Duration.ofMillis(200), false, 1, whole.sseReconnectDelay(), 1, whole.connectTimeout(),
                    whole.serverMaxKeepAliveRequests(), 0, null, whole.serverLongPollHold(),
                    whole.connectionHeader(), whole.endpoints(), new AgentSlice(2, 3));
            RunRecorder recorder = new RunRecorder(mix);
            LoadGenerator generator = new LoadGenerator(scenario, recorder);
            try {
                generator.start();
                // agent 2 of 3 of 5 SSE + 5 short polls: one of each
                await("both sessions open", Duration.ofSeconds(30), () -> recorder.forTransport(Transport.SSE)
                        .counters().sessionsOpened() == 1 && recorder.forTransport(Transport.SHORT_POLL).counters()
                        .sessionsOpened() == 1);
            } finally {
                generator.close();
            }
            assertEquals(1, recorder.forTransport(Transport.SSE).counters().sessionsOpened());
            assertEquals(1, recorder.forTransport(Transport.SHORT_POLL).counters().sessionsOpened());
        }
    }
}
