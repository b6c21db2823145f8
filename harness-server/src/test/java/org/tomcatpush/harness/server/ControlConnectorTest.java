package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The control connector: {@code /harness/*} on a port and executor of its own, so a workload that
 * holds every worker thread cannot starve the probes, and the probes' own traffic never shows in
 * the workload's figures. The workload port only redirects there.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ControlConnectorTest {

    @Test
    void statsAnswerWhileBlockingStreamsHoldEveryWorkerAndAFifthRequestQueues() throws Exception {
        List<SseConnection> streams = new ArrayList<>();
        try (HarnessServer server = TestServers.start("--handler", "blocking", "--max-threads", "4")) {
            for (int i = 0; i < 4; i++) {
                SseConnection sse = SseConnection.open(server.baseUri(), "/sse");
                streams.add(sse);
                assertEquals("open", sse.next().comment());
            }
            try (RawConnection fifth = new RawConnection(server.baseUri())) {
                fifth.send("GET", "/sse");
                assertTrue(TestServers.await(5_000, () -> server.probe().threads().queueLength() == 1),
                        "the 5th request waits for a worker: " + server.probe().threads());

                JsonNode stats = TestServers.stats(server);

                assertEquals(4, stats.get("threads").get("busy").asInt(), "every worker is held by a stream");
                assertTrue(stats.get("threads").get("queueLength").asInt() >= 1, stats.get("threads").toString());
                assertEquals(4, stats.get("threads").get("maxThreads").asInt());
                assertEquals(4, stats.get("handlersInProgress").asInt(), "four blocking handlers run");
            }
        } finally {
            for (SseConnection sse : streams) {
                sse.close();
            }
        }
    }

    @Test
    void theWorkloadPortRedirectsEveryControlPathToTheControlConnector() throws Exception {
        try (HarnessServer server = TestServers.start()) {
            assertNotEquals(server.port(), server.controlPort());
            URI control = server.controlUri();
            try (RawConnection workload = new RawConnection(server.baseUri())) {
                RawConnection.Response stats = workload.exchange("GET", "/harness/stats?series=true");
                assertEquals(308, stats.status());
                assertEquals(control + "/harness/stats?series=true", stats.header("Location"));
                assertTrue(stats.closes(), "the redirect closes its connection");
            }
            try (RawConnection workload = new RawConnection(server.baseUri())) {
                RawConnection.Response reset = workload.exchange("POST", "/harness/reset");
                assertEquals(308, reset.status(), "308 keeps the method, so POST stays POST");
                assertEquals(control + "/harness/reset", reset.header("Location"));
            }
            try (RawConnection followed = new RawConnection(control)) {
                assertEquals(200, followed.exchange("GET", "/harness/stats?series=true").status());
            }
        }
    }

    @Test
    void controlRequestsNeverReachTheWorkloadLedgerOrItsConnectionCount() throws Exception {
        try (HarnessServer server = TestServers.start("--sample-interval", "10")) {
            // with no connection at all: Tomcat's latch also holds the slot its acceptor takes before each accept
            long idle = server.probe().connections().count();
            try (RawConnection kept = new RawConnection(server.controlUri())) {
                JsonNode last = null;
                for (int i = 0; i < 10; i++) {
                    RawConnection.Response r = kept.exchange("GET", "/harness/stats");
                    assertEquals(200, r.status());
                    last = TestServers.JSON.readTree(r.body());
                }
                assertEquals(idle, last.get("connections").get("count").asLong(),
                        "the stats connection, open while it is answered, is not a workload connection");
                assertEquals(0, last.get("perConnection").get("connectionsSeen").asLong());
                assertEquals(0, last.get("perConnection").get("requests").asLong());
                assertEquals(0, last.get("requests").get("total").asLong());

                long samplesBefore = server.probe().sampled().samples();
                assertTrue(TestServers.await(5_000, () -> server.probe().sampled().samples() > samplesBefore + 5));
                assertEquals(idle, server.probe().connections().count(), "the kept control connection is still open");
                assertEquals(idle, server.probe().sampled().connections().max(), "no sample saw a control connection");
                assertEquals(0, server.probe().perConnection().connectionsSeen());
            }
        }
    }
}
