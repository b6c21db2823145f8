package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;

/** SSE sessions against a real server: stream reconnects, keep-alive reuse and thread occupancy (E2, E3, E4, E9). */
class SseSessionTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void streamsEndedByTheServerReconnectThreeTimesPerConnectionWithoutLosingAMessage() {
        try (TestServer server = TestServer.start("--sse-timeout", "200", "--max-keep-alive-requests", "3",
                "--publish-rate", "50")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 5)
                    .reconnectDelay(Duration.ofMillis(50)).serverMaxKeepAliveRequests(3).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                // about 8 streams per session: each connection carries 3, then the server closes it
                await("every session through its 8th stream", Duration.ofSeconds(60),
                        () -> sse.counters().reconnects(ReconnectCause.STREAM_ENDED) >= 5 * 8);
            }
            TransportCounters client = sse.counters();
            assertEquals(0, client.messagesLost(), "Last-Event-ID resumes every stream where the last one ended");
            assertEquals(0, client.messagesDuplicated());
            assertTrue(client.messagesReceived() > 5 * 50, "messages arrived: " + client.messagesReceived());
            assertEquals(0, client.reconnects(ReconnectCause.CONNECTION_LOST) + client.reconnects(ReconnectCause.ERROR));
            assertEquals(3, client.requestsPerConnectionMax(), "3 stream requests per connection");
            assertTrue(client.closes(CloseCause.KEEPALIVE_LIMIT) >= 5 * 2, "closes at the limit: " + client.closes());
            assertEquals(0, client.closes(CloseCause.SERVER_OTHER) + client.closes(CloseCause.IDLE_TIMEOUT)
                    + client.closes(CloseCause.ERROR), "closes: " + client.closes());
            assertEquals(5, client.closes(CloseCause.CLIENT), "the end of the run closes each session's last connection");
            assertEquals(client.connectionsOpened(),
                    client.closes(CloseCause.KEEPALIVE_LIMIT) + client.closes(CloseCause.CLIENT));
            assertEquals(0, client.errors());

            await("the server to see every stream end", Duration.ofSeconds(10),
                    () -> server.stats().get("perConnection").get("requests").asLong() == client.requests());
            JsonNode ledger = server.stats().get("perConnection");
            assertEquals(client.connectionsOpened(), ledger.get("connectionsSeen").asLong());
            assertEquals(3, ledger.get("requestsPerConnectionMax").asLong());
            // the server also counts a third stream the end of the run cut short (its response said
            // Connection: close); the client counts that connection as its own close
            long serverAtLimit = ledger.get("closedAtKeepAliveLimit").asLong();
            long cutAtTheEnd = serverAtLimit - client.closes(CloseCause.KEEPALIVE_LIMIT);
            assertTrue(cutAtTheEnd >= 0 && cutAtTheEnd <= 5,
                    "server " + serverAtLimit + " vs client " + client.closes(CloseCause.KEEPALIVE_LIMIT));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void serverRetryFieldReplacesTheScenarioReconnectDelay() throws InterruptedException {
        try (TestServer server = TestServer.start("--sse-timeout", "100", "--sse-retry", "5000", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 3)
                    .reconnectDelay(Duration.ofMillis(10)).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("every first stream ended", Duration.ofSeconds(30), () -> sse.counters().streamsEnded() == 3);
                Thread.sleep(1_000); // the scenario's 10 ms would have reconnected a hundred times by now
                assertEquals(3, sse.counters().requests(), "sessions wait the server's 5 s retry");
                await("the second streams after the retry delay", Duration.ofSeconds(30),
                        () -> sse.counters().requests() == 6);
            }
            assertEquals(3, sse.counters().reconnects(ReconnectCause.STREAM_ENDED), "one reconnection made per session");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void resumingFromASequenceTheRingNoLongerHoldsCountsTheGapAsLost() {
        try (TestServer server = TestServer.start("--sse-timeout", "300", "--ring-capacity", "10", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 4)
                    .reconnectDelay(Duration.ofMillis(3_000)).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("4 streams open", Duration.ofSeconds(30), () -> generator.openSessions() == 4);
                server.publish(1);
                await("every session holding message 1", Duration.ofSeconds(30),
                        () -> sse.counters().messagesReceived() == 4);
                await("every stream ended", Duration.ofSeconds(30), () -> sse.counters().streamsEnded() == 4);
                server.publish(50); // while the sessions wait to reconnect; the ring keeps 42..51
                await("every session back with what the ring still had", Duration.ofSeconds(30),
                        () -> sse.counters().messagesReceived() == 4 * 11);
            }
            TransportCounters client = sse.counters();
            assertEquals(4 * 40, client.messagesLost(), "2..41 are gone for each session");
            assertEquals(0, client.messagesDuplicated());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void blockingHandlersHoldAThreadPerStreamAndLeaveTheRestWaiting() {
        try (TestServer server = TestServer.start("--handler", "blocking", "--max-threads", "8",
                "--sample-interval", "20", "--publish-rate", "20")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 20).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("8 streams open", Duration.ofSeconds(30), () -> generator.openSessions() == 8);
                await("12 requests queued for a thread", Duration.ofSeconds(30),
                        () -> server.stats().get("threads").get("queueLength").asInt() == 12);
                await("all 8 threads busy", Duration.ofSeconds(30),
                        () -> server.stats().get("threads").get("busy").asInt() == 8);
                // the sampler takes its next sample up to an interval after the live reading
                await("the sampler saw all 8 threads busy", Duration.ofSeconds(30),
                        () -> server.stats().get("sampled").get("busyThreads").get("max").asInt() == 8);
                assertEquals(8, generator.openSessions(), "sessions past maxThreads wait for a thread");
                assertEquals(20, generator.openConnections(), "yet every session has its connection");
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void asyncHandlersServeEveryStreamWithoutHoldingThreads() {
        try (TestServer server = TestServer.start("--handler", "async", "--max-threads", "8",
                "--sample-interval", "20", "--publish-rate", "20")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 20).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("20 streams open", Duration.ofSeconds(30), () -> generator.openSessions() == 20);
                server.resetProbe(); // forget the threads that accepted and started the streams
                long received = sse.counters().messagesReceived();
                await("messages flowing to the open streams", Duration.ofSeconds(30),
                        () -> sse.counters().messagesReceived() >= received + 20 * 10);
                JsonNode stats = server.stats();
                assertTrue(stats.get("sampled").get("samples").asInt() >= 10, "sampled while streams were open");
                assertEquals(20, stats.get("asyncInFlight").get("sse").asInt());
                assertTrue(stats.get("sampled").get("busyThreads").get("max").asInt() <= 2,
                        "busy threads while 20 streams are open: " + stats.get("sampled").get("busyThreads"));
                assertEquals(0, stats.get("threads").get("queueLength").asInt());
            }
            assertEquals(0, sse.counters().messagesLost());
            assertEquals(20, sse.counters().closes(CloseCause.CLIENT), "the end of the run closes each stream's connection");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void seventhStreamOfABrowserWaitsUntilOneOfSixEnds() {
        try (TestServer server = TestServer.start("--sse-timeout", "1500", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 7)
                    .browser(7).reconnectDelay(Duration.ofSeconds(30)).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("6 streams open", Duration.ofSeconds(30), () -> generator.openSessions() == 6);
                assertEquals(6, sse.counters().requests(), "the 7th stream has not been sent");
                assertEquals(1, sse.counters().browserSessionsQueued(), "the 7th stream waits for a connection");
                assertEquals(0, sse.counters().browserQueueWaitMaxMicros(), "and has not got one yet");
                await("the 7th stream opens once the first ones end", Duration.ofSeconds(30),
                        () -> sse.counters().requests() == 7 && generator.openSessions() == 1);
                assertEquals(6, sse.counters().connectionsOpened(), "the 7th stream reuses a freed connection");
            }
            TransportCounters client = sse.counters();
            assertEquals(1, client.browserSessionsQueued(), "only the 7th stream waited; the reconnects come later");
            // the first of the 6 ends 1,500 ms after the server got it, a moment after the 7th session started
            assertEquals(client.browserQueueWaitMinMicros(), client.browserQueueWaitMaxMicros(), "one wait");
            assertTrue(client.browserQueueWaitMaxMicros() >= 1_000_000,
                    "the 7th got its connection when a stream ended: " + client.browserQueueWaitMaxMicros() + " us");
            assertEquals(6, server.stats().get("perConnection").get("connectionsSeen").asLong());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void connectsBeyondMaxConnectionsAndTheBacklogTimeOut() {
        try (TestServer server = TestServer.start("--max-connections", "1", "--accept-count", "1", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 8)
                    .connectTimeout(Duration.ofMillis(300)).reconnectDelay(Duration.ofMillis(100)).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("connect timeouts", Duration.ofSeconds(60),
                        () -> sse.counters().connectFailures(ConnectFailureKind.TIMEOUT) >= 3);
                assertEquals(1, generator.openSessions(), "one stream is served, the others wait in the backlog or time out");
            }
            TransportCounters client = sse.counters();
            assertEquals(0, client.connectFailures(ConnectFailureKind.REFUSED));
            assertEquals(client.connectFailuresTotal(), client.streamsEnded(), "each failed connect ended an attempt");
            assertEquals(client.reconnects(ReconnectCause.ERROR), client.reconnectsTotal(),
                    "every stream request a session sent again followed a failed connect");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void refusedConnectsAreCountedAndRetriedAfterTheReconnectDelay() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Scenario scenario = TestScenario.of(URI.create("http://127.0.0.1:" + closedPort), Transport.SSE, 2)
                .reconnectDelay(Duration.ofMillis(100)).build();
        RunRecorder recorder = new RunRecorder(scenario.mix());
        TransportRecorder sse = recorder.forTransport(Transport.SSE);
        try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
            generator.start();
            await("each session to fail twice", Duration.ofSeconds(30),
                    () -> sse.counters().connectFailures(ConnectFailureKind.REFUSED) >= 4);
            assertEquals(0, generator.openSessions());
        }
        TransportCounters client = sse.counters();
        assertEquals(client.connectFailuresTotal(), client.streamsEnded(), "each failed connect ended an attempt");
        assertEquals(0, client.reconnectsTotal(), "no stream request was ever sent again: no reconnection made");
        assertEquals(0, client.sessionsOpened());
        assertEquals(0, client.connectionsOpened());
        assertEquals(0, client.errors());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStreamEndAfterWhichTheRunStoppedIsNoReconnect() {
        try (TestServer server = TestServer.start("--sse-timeout", "200", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 3)
                    .reconnectDelay(Duration.ofSeconds(60)).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("every first stream ended", Duration.ofSeconds(30), () -> sse.counters().streamsEnded() == 3);
            }
            TransportCounters client = sse.counters();
            assertEquals(3, client.requests());
            assertEquals(3, client.streamsEnded(), "each stream was ended once by the server");
            assertEquals(0, client.reconnectsTotal(), "the run stopped before any session reconnected");
            assertEquals(3, client.sessionsOpened());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void reconnectsAreTheStreamRequestsAfterEachSessionsFirst() {
        try (TestServer server = TestServer.start("--sse-timeout", "300", "--publish-rate", "20")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 3)
                    .reconnectDelay(Duration.ofMillis(50)).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("each session through its 4th stream", Duration.ofSeconds(60),
                        () -> sse.counters().requests() >= 3 * 4);
            }
            TransportCounters client = sse.counters();
            assertEquals(client.requests() - 3, client.reconnectsTotal(), "every stream request but a session's first");
            assertEquals(client.reconnectsTotal(), client.reconnects(ReconnectCause.STREAM_ENDED),
                    "each followed a stream the server ended");
            long endsNotFollowed = client.streamsEnded() - client.reconnectsTotal();
            assertTrue(endsNotFollowed >= 0 && endsNotFollowed <= 3, "at most the last end of each session is not"
                    + " followed by a reconnect: " + client.streamsEnded() + " ends, " + client.reconnectsTotal()
                    + " reconnects");
            assertEquals(3, client.sessionsOpened(), "sessions are opened once however often they reconnect");
            assertEquals(0, client.firstMessagesCensored());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sessionsThatNeverGetAThreadNeverOpenAndWaitForAFirstMessageUntilTheStop() {
        try (TestServer server = TestServer.start("--handler", "blocking", "--max-threads", "8", "--publish-rate", "0")) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SSE, 20).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder sse = recorder.forTransport(Transport.SSE);
            long allStartedNanos;
            long beforeStopNanos;
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("8 streams open", Duration.ofSeconds(30), () -> generator.openSessions() == 8);
                await("12 requests queued for a thread", Duration.ofSeconds(30),
                        () -> server.stats().get("threads").get("queueLength").asInt() == 12);
                allStartedNanos = System.nanoTime();
                server.publish(1);
                await("message 1 on the 8 open streams", Duration.ofSeconds(30),
                        () -> sse.counters().messagesReceived() == 8);
                beforeStopNanos = System.nanoTime();
            }
            TransportCounters client = sse.counters();
            assertEquals(8, client.sessionsOpened());
            assertEquals(12, client.firstMessagesCensored(), "the 12 waiting sessions never got a message");
            Histogram firstMessage = sse.firstMessageRecorder().getIntervalHistogram();
            assertEquals(20, firstMessage.getTotalCount(), "one value per session, the waiting ones included");
            assertTrue(firstMessage.getMaxValue() >= (beforeStopNanos - allStartedNanos) / 1_000,
                    "a waiting session counts its whole wait until the stop: " + firstMessage.getMaxValue() + " us");
        }
    }
}
