package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.session.TestServer.await;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.FirstResponseHeaders;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.RequestConnectionHeader;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

/**
 * Against a real server: every connection a transport counts has its connect time recorded
 * (E5), and the first response on each connection is read for Tomcat's keep-alive headers, which
 * depend on the request's {@code Connection} header (E6).
 */
class ConnectTimeAndKeepAliveHeaderTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyConnectionOpenedOnEveryTransportHasItsConnectTimeRecorded() {
        try (TestServer server = TestServer.start("--publish-rate", "20", "--max-keep-alive-requests", "2")) {
            TransportMix mix = new TransportMix(Map.of(Transport.SHORT_POLL, 1, Transport.LONG_POLL, 1,
                    Transport.SSE, 1, Transport.WS, 1));
            Scenario scenario = new Scenario(server.baseUri(), mix, 8, Duration.ZERO, Duration.ofMinutes(1),
                    Duration.ofMillis(50), false, 1, Duration.ofMillis(50), 1, Duration.ofSeconds(2), 2, 0);
            RunRecorder recorder = new RunRecorder(mix);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                // polls at a keep-alive limit of 2 open a new connection every second request
                await("several connections per polling session", Duration.ofSeconds(60), () -> recorder.all().values()
                        .stream().allMatch(r -> r.counters().connectionsOpened() >= (r.transport() == Transport.SSE || r.transport() == Transport.WS ? 1 : 6)));
            }
            for (TransportRecorder r : recorder.all().values()) {
                TransportCounters c = r.counters();
                assertEquals(c.connectionsOpened(), r.connectTimeRecorder().getIntervalHistogram().getTotalCount(),
                        r.transport() + ": one connect time per connection opened");
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tenPollsAtLimitFiveOpenTwoConnectionsPerSessionEachFirstAnsweredWithKeepAliveTimeoutThirty() {
        FirstResponseHeaders headers = pollTenTimes(RequestConnectionHeader.KEEP_ALIVE);
        assertEquals(new FirstResponseHeaders(6, 6, 6, 30, 30, 0, 6, 0), headers);
        assertEquals(OptionalLong.of(30), headers.timeoutS());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void withoutConnectionKeepAliveTheFirstResponsesCarryNoKeepAliveHeader() {
        FirstResponseHeaders headers = pollTenTimes(RequestConnectionHeader.NONE);
        assertEquals(new FirstResponseHeaders(6, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, 0, 0), headers);
        assertTrue(headers.timeoutS().isEmpty());
    }

    /** Three sessions poll ten times each at keep-alive limit 5 (two connections each), timeout 30 s. */
    private static FirstResponseHeaders pollTenTimes(RequestConnectionHeader header) {
        try (TestServer server = TestServer.start("--max-keep-alive-requests", "5", "--keep-alive-timeout", "30000",
                "--publish-rate", "0")) {
            Scenario base = TestScenario.of(server.baseUri(), Transport.SHORT_POLL, 3).pollInterval(Duration.ofMillis(20))
                    .pollsPerSession(10).serverMaxKeepAliveRequests(5).build();
            Scenario scenario = new Scenario(base.target(), base.mix(), base.sessions(), base.rampUp(),
                    base.duration(), base.pollInterval(), false, 1, base.sseReconnectDelay(), 1,
                    base.connectTimeout(), 5, 10, base.requestTimeout(), base.serverLongPollHold(), header);
            RunRecorder recorder = new RunRecorder(scenario.mix());
            TransportRecorder poll = recorder.forTransport(Transport.SHORT_POLL);
            try (LoadGenerator generator = new LoadGenerator(scenario, recorder)) {
                generator.start();
                await("30 polls answered, every connection closed at the limit", Duration.ofSeconds(60),
                        () -> poll.counters().requests() == 30 && poll.counters().closes(CloseCause.KEEPALIVE_LIMIT) == 6);
            }
            assertEquals(6, poll.counters().connectionsOpened());
            return poll.counters().firstResponseHeaders();
        }
    }
}
