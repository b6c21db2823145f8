package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.session.RawPollServer.Mode;

/**
 * Polls that get no answer, or lose the keep-alive race, are counted and timed, never dropped:
 * against raw servers that fail the same way every time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollFailureTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    @Test
    void pollsAServerNeverAnswersTimeOutAtTheRequestTimeoutAndTheSessionPollsOn() throws Exception {
        try (RawPollServer server = RawPollServer.start(Mode.NEVER_ANSWER)) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 1)
                    .pollInterval(Duration.ofMillis(100)).pollsPerSession(3).requestTimeout(REQUEST_TIMEOUT).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                // the close of an abandoned connection is recorded on its event loop, maybe after the timeout
                await("3 polls timed out, their connections closed and the session done", Duration.ofSeconds(20),
                        () -> poll.counters().requestsTimedOut() == 3 && generator.openSessions() == 0
                                && poll.counters().connectionsOpen() == 0);
                TransportCounters client = poll.counters();
                assertEquals(3, client.requestsTimedOut(), "the session went on polling after each timeout");
                assertEquals(3, client.requestsFailed(), "a timed-out poll is a failed poll");
                assertEquals(0, client.errors(), "a timeout is not an error");
                // 3 unless a connect took longer than the timeout: that poll is abandoned before it is written
                assertEquals(server.requests(), client.requests(), "the client counts what the server read");
                assertEquals(client.requests(), client.connectionsOpened(), "no connection is reused after a timeout");
                assertEquals(client.requests(), client.closes(CloseCause.CLIENT), "the client closed every one");
            }
            Histogram failures = poll.failureTimeRecorder().getIntervalHistogram();
            assertEquals(3, failures.getTotalCount());
            long timeoutMicros = REQUEST_TIMEOUT.toNanos() / 1_000;
            // the histogram keeps 3 significant digits: compare with the bucket that holds 500 ms
            assertEquals(0, failures.getCountBetweenValues(0, failures.lowestEquivalentValue(timeoutMicros) - 1),
                    "no failure recorded before the timeout");
            assertEquals(0, poll.responseTimeRecorder().getIntervalHistogram().getTotalCount(), "no answer");
        }
    }

    @Test
    void aRequestTimeoutOfZeroNeverTimesAPollOut() {
        Scenario scenario = TestScenario.of(java.net.URI.create("http://127.0.0.1:1"), Transport.SHORT_POLL, 1)
                .requestTimeout(Duration.ZERO).build();
        assertEquals(Duration.ZERO, scenario.requestTimeout(Transport.SHORT_POLL));
        Scenario defaults = TestScenario.of(java.net.URI.create("http://127.0.0.1:1"), Transport.SHORT_POLL, 1).build();
        assertEquals(Duration.ofSeconds(30), defaults.requestTimeout(Transport.SHORT_POLL));
        assertEquals(Duration.ofSeconds(40), defaults.requestTimeout(Transport.LONG_POLL), "hold 30 s + 10 s");
        assertEquals(Duration.ZERO, defaults.requestTimeout(Transport.SSE), "streams are never timed out");
        assertEquals(Duration.ZERO, defaults.requestTimeout(Transport.WS), "streams are never timed out");
    }

    @Test
    void aPollOnAReusedConnectionTheServerClosesAsItArrivesIsAStaleConnectionNotRetried() throws Exception {
        try (RawPollServer server = RawPollServer.start(Mode.CLOSE_ON_SECOND_REQUEST)) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 1)
                    .pollInterval(Duration.ofMillis(100)).pollsPerSession(2).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("the second poll failed and the session done", Duration.ofSeconds(20),
                        () -> poll.counters().requestsFailed() == 1 && generator.openSessions() == 0
                                && poll.counters().closes(CloseCause.STALE_CONNECTION) == 1);
                TransportCounters client = poll.counters();
                assertEquals(2, client.requests());
                assertEquals(1, client.connectionsOpened(), "the second poll reused the first one's connection");
                assertEquals(1, client.errorsStaleConnection());
                assertEquals(1, client.errors(), "errors counts every error, stale connections included");
                assertEquals(1, client.closes(CloseCause.STALE_CONNECTION));
                assertEquals(0, client.closes(CloseCause.SERVER_OTHER) + client.closes(CloseCause.ERROR),
                        "not a plain server close or error");
                assertEquals(0, client.requestsRetried(), "no retry without --browser");
                assertEquals(1, server.connections());
                assertEquals(2, server.requests());
            }
            assertEquals(1, poll.failureTimeRecorder().getIntervalHistogram().getTotalCount());
            assertEquals(1, poll.responseTimeRecorder().getIntervalHistogram().getTotalCount());
        }
    }

    @Test
    void aBrowserRetriesAStaleConnectionPollOnceOnANewConnectionAndItSucceeds() throws Exception {
        try (RawPollServer server = RawPollServer.start(Mode.CLOSE_ON_SECOND_REQUEST)) {
            Scenario scenario = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 1)
                    .pollInterval(Duration.ofMillis(100)).pollsPerSession(2).browser(1).build();
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("the retried poll answered and the session done", Duration.ofSeconds(20),
                        () -> poll.counters().requestsRetried() == 1 && generator.openSessions() == 0
                                && poll.counters().closes(CloseCause.STALE_CONNECTION) == 1);
                TransportCounters client = poll.counters();
                assertEquals(3, client.requests(), "two polls and the retry, every one written to the wire");
                assertEquals(1, client.requestsRetried());
                assertEquals(1, client.errorsStaleConnection());
                assertEquals(1, client.errors());
                assertEquals(1, client.requestsFailed(), "the stale attempt failed; its retry did not");
                assertEquals(1, client.closes(CloseCause.STALE_CONNECTION));
                assertEquals(2, client.connectionsOpened(), "the retry went out on a new connection");
                assertEquals(2, server.connections());
                assertEquals(3, server.requests());
            }
            assertEquals(2, poll.responseTimeRecorder().getIntervalHistogram().getTotalCount(),
                    "both polls answered, the second through its retry");
            assertEquals(1, poll.failureTimeRecorder().getIntervalHistogram().getTotalCount());
        }
    }
}
