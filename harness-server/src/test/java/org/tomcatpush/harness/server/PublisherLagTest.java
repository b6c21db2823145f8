package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.hub.Message;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.hub.Publisher;

/**
 * Publish-side coordinated omission: every message carries its intended publish time, so a
 * publisher that falls behind (stalled here on purpose) cannot hide the delay, and the lag it fell
 * behind by is in {@code /harness/stats}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PublisherLagTest {

    private static final long PERIOD_MICROS = 50_000; // 20 messages per second

    @Test
    void aStalledPublisherSendsWhatFellDueWithItsIntendedTimesAndReportsTheLag() throws Exception {
        try (HarnessServer server = HarnessServer.start(ServerConfig.parse("--port", "0", "--publish-rate", "20"))) {
            MessageHub hub = server.hub();
            assertTrue(TestServers.await(10_000, () -> hub.lastSeq() >= 2), "the publisher runs");
            server.probe().reset();
            long beforeStall = hub.lastSeq();

            Publisher publisher = server.publisher().orElseThrow();
            assertThrows(IllegalArgumentException.class, () -> publisher.stallFor(Duration.ZERO));
            publisher.stallFor(Duration.ofMillis(500));
            assertTrue(TestServers.await(20_000, () -> hub.publishLag().summary().maxMicros() >= 450_000
                    && hub.lastSeq() >= beforeStall + 14), "the stall is over and the publisher caught up");

            List<String> onTheWire;
            try (RawConnection c = new RawConnection(server.baseUri())) {
                onTheWire = WireJson.parsePollBody(c.exchange("GET", "/poll?since=" + beforeStall).body())
                        .messages();
            }
            assertTrue(onTheWire.size() >= 14, onTheWire.size() + " messages");
            for (int i = 1; i < onTheWire.size(); i++) {
                assertEquals(PERIOD_MICROS, WireJson.intendedAtMicros(onTheWire.get(i))
                        - WireJson.intendedAtMicros(onTheWire.get(i - 1)),
                        "ts of seq " + WireJson.seq(onTheWire.get(i)) + " is the schedule's, stall or no stall");
            }
            long late = 0;
            long maxLagMicros = 0;
            for (String json : onTheWire) {
                Message m = hub.get(WireJson.seq(json));
                assertEquals(m.intendedAtMicros(), WireJson.intendedAtMicros(json), "ts is the intended time");
                maxLagMicros = Math.max(maxLagMicros, m.lagMicros());
                late += m.lagMicros() >= PERIOD_MICROS ? 1 : 0;
            }
            assertTrue(maxLagMicros >= 450_000, "the first message due in the stall waited for all of it: "
                    + maxLagMicros + " us");
            assertTrue(late >= 9, "the messages due during the stall went out late together: " + late);

            JsonNode lag = TestServers.stats(server).get("publisher");
            assertTrue(lag.get("lagMaxMs").asDouble() >= 450, lag.toString());
            assertTrue(lag.get("lagP50Ms").asDouble() <= lag.get("lagP99Ms").asDouble(), lag.toString());
            assertTrue(lag.get("lagP99Ms").asDouble() <= lag.get("lagMaxMs").asDouble(), lag.toString());
            assertTrue(lag.get("published").asLong() >= onTheWire.size(),
                    "every message since the reset is in the histogram: " + lag);
        }
    }

    @Test
    void messagesPublishedOnDemandAreIntendedWhenPublishedWithLagZero() throws Exception {
        try (HarnessServer server = TestServers.start();
             RawConnection c = new RawConnection(server.baseUri());
             RawConnection control = new RawConnection(server.controlUri())) {
            assertEquals(200, control.exchange("POST", "/harness/publish?count=3").status());

            List<String> onTheWire = WireJson.parsePollBody(c.exchange("GET", "/poll?since=0").body()).messages();
            assertEquals(3, onTheWire.size());
            for (String json : onTheWire) {
                Message m = server.hub().get(WireJson.seq(json));
                assertEquals(0, m.lagMicros());
                assertEquals(m.publishedAtMicros(), WireJson.intendedAtMicros(json));
            }
            JsonNode publisher = TestServers.stats(server).get("publisher");
            assertEquals(3, publisher.get("published").asLong());
            assertEquals(0.0, publisher.get("lagMaxMs").asDouble());
            assertEquals(0.0, publisher.get("lagP99Ms").asDouble());

            assertEquals(204, control.exchange("POST", "/harness/reset").status());
            assertEquals(0, TestServers.stats(server).get("publisher").get("published").asLong(),
                    "the reset forgets the lags");
        }
    }
}
