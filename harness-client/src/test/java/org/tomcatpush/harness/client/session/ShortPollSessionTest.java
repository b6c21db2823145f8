package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;

/** Short polling against a real server: connections, requests and why each connection closed (E1, E7). */
class ShortPollSessionTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fiftyPollsAtKeepAliveLimitTenUseFiveConnectionsPerSessionAllClosedAtTheLimit() {
        try (TestServer server = TestServer.start("--max-keep-alive-requests", "10", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 20)
                    .pollInterval(Duration.ofMillis(20)).pollsPerSession(50).serverMaxKeepAliveRequests(10).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                // the 50th answer closes each session's fifth connection, so nothing stays open
                await("1,000 polls answered and every connection closed", Duration.ofSeconds(90),
                        () -> poll.counters().requests() == 1_000 && poll.counters().closes(CloseCause.KEEPALIVE_LIMIT) == 100);
                await("every session done", Duration.ofSeconds(10), () -> generator.openSessions() == 0);
            }
            TransportCounters client = poll.counters();
            assertEquals(1_000, client.requests());
            assertEquals(100, client.connectionsOpened(), "5 connections for each of 20 sessions");
            assertEquals(100, client.closes(CloseCause.KEEPALIVE_LIMIT));
            assertEquals(0, client.closes(CloseCause.IDLE_TIMEOUT) + client.closes(CloseCause.SERVER_OTHER)
                    + client.closes(CloseCause.CLIENT) + client.closes(CloseCause.ERROR), "no close of another kind");
            assertEquals(10, client.requestsPerConnectionMax());
            assertEquals(0, client.errors());
            assertEquals(0, client.connectFailuresTotal());
            assertEquals(1_000, poll.responseTimeRecorder().getIntervalHistogram().getTotalCount());

            JsonNode ledger = server.stats().get("perConnection");
            assertEquals(client.connectionsOpened(), ledger.get("connectionsSeen").asLong());
            assertEquals(client.requests(), ledger.get("requests").asLong());
            assertEquals(client.closes(CloseCause.KEEPALIVE_LIMIT), ledger.get("closedAtKeepAliveLimit").asLong());
            assertEquals(client.requestsPerConnectionMax(), ledger.get("requestsPerConnectionMax").asLong());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void pollingSlowerThanTheKeepAliveTimeoutOpensAConnectionPerPollClosedIdle() {
        // Tomcat checks keep-alive timeouts about once a second: poll well after that
        try (TestServer server = TestServer.start("--keep-alive-timeout", "100", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 2)
                    .pollInterval(Duration.ofMillis(2_500)).pollsPerSession(3).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("6 polls answered and their connections closed by the server", Duration.ofSeconds(60),
                        () -> poll.counters().requests() == 6 && poll.counters().closes(CloseCause.IDLE_TIMEOUT) == 6);
            }
            TransportCounters client = poll.counters();
            assertEquals(6, client.connectionsOpened(), "one connection per poll");
            assertEquals(6, client.closes(CloseCause.IDLE_TIMEOUT));
            assertEquals(1, client.requestsPerConnectionMax());
            assertEquals(0, client.errors());
            JsonNode ledger = server.stats().get("perConnection");
            assertEquals(6, ledger.get("connectionsSeen").asLong());
            assertEquals(6, ledger.get("requests").asLong());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sessionsNeverShareAConnectionWhateverTheirSourceAddress() {
        try (TestServer server = TestServer.start("--max-keep-alive-requests", "-1", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 6)
                    .pollInterval(Duration.ofMillis(20)).pollsPerSession(5).sourceAddresses(3)
                    .serverMaxKeepAliveRequests(-1).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("30 polls answered", Duration.ofSeconds(30), () -> poll.counters().requests() == 30);
                assertEquals(6, generator.openConnections(), "each session keeps its own connection alive");
            }
            TransportCounters client = poll.counters();
            assertEquals(6, client.connectionsOpened());
            assertEquals(5, client.requestsPerConnectionMax());
            assertEquals(6, client.closes(CloseCause.CLIENT), "the end of the run closes the kept-alive connections");
            assertEquals(6, server.stats().get("perConnection").get("connectionsSeen").asLong());
        }
    }
}
