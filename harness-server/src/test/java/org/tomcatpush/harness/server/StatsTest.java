package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import org.tomcatpush.harness.server.probe.ProcessCpu;

/** {@code /harness/stats}, {@code /harness/reset} and {@code /harness/publish} report exactly what happened. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StatsTest {

    @Test
    void countsMatchTheRequestsConnectionsAndKeepAliveClosesTheTestMade() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "3")) {
            server.hub().publish(2);
            long pollBytes = 0;
            long longPollBytes = 0;
            try (RawConnection a = new RawConnection(server.baseUri());
                 RawConnection b = new RawConnection(server.baseUri());
                 RawConnection c = new RawConnection(server.baseUri());
                 RawConnection d = new RawConnection(server.baseUri())) {
                for (int i = 0; i < 3; i++) {
                    pollBytes += a.exchange("GET", "/poll").body().length();
                }
                for (int i = 0; i < 3; i++) {
                    pollBytes += b.exchange("GET", "/poll?since=0").body().length();
                }
                longPollBytes += c.exchange("GET", "/longpoll?since=0").body().length();
                assertEquals(404, d.exchange("GET", "/nothing-here").status());
                TestServers.stats(server); // control requests are never counted (nor even seen by the workload connector)
            }
            assertTrue(TestServers.await(5_000, () -> server.probe().perConnection().requests() == 8));
            // a request's thread is back in the pool a moment after its response ended
            assertTrue(TestServers.await(5_000, () -> server.probe().threads().busy() == 0));
            JsonNode stats = TestServers.stats(server);

            JsonNode requests = stats.get("requests");
            assertEquals(8, requests.get("total").asLong());
            assertEquals(6, requests.get("poll").asLong());
            assertEquals(1, requests.get("longpoll").asLong());
            assertEquals(0, requests.get("sse").asLong());
            assertEquals(0, requests.get("ws").asLong());
            assertEquals(1, requests.get("other").asLong());

            JsonNode perConnection = stats.get("perConnection");
            assertEquals(4, perConnection.get("connectionsSeen").asLong());
            assertEquals(8, perConnection.get("requests").asLong());
            assertEquals(2.0, perConnection.get("requestsPerConnectionMean").asDouble());
            assertEquals(3, perConnection.get("requestsPerConnectionMax").asLong());
            assertEquals(2, perConnection.get("closedAtKeepAliveLimit").asLong());
            assertEquals(0, perConnection.get("closedOther").asLong());

            JsonNode bytes = stats.get("bytesWritten");
            assertEquals(pollBytes, bytes.get("poll").asLong());
            assertEquals(longPollBytes, bytes.get("longpoll").asLong());
            assertEquals(pollBytes + longPollBytes, bytes.get("total").asLong());

            assertEquals(2, stats.get("messagesPublished").asLong());
            assertEquals(2, stats.get("lastSeq").asLong());
            assertEquals("11.0.27", stats.get("tomcatVersion").asText());
            assertEquals(3, stats.get("config").get("maxKeepAliveRequests").asInt());
            assertEquals("3", stats.get("connector").get("maxKeepAliveRequests").asText());
            assertEquals("executor-active", stats.get("threads").get("busyMetric").asText());
            // a reading taken while the stats request runs: were it served by the workload connector, every reading
            // would count it busy; one reading of 0 shows it is not (a worker closing one of the test's kept-alive
            // connections may be busy for a moment at any single reading)
            assertTrue(TestServers.await(5_000, () -> busyDuringStats(server) == 0),
                    "the stats request runs on the control connector");
            assertFalse(stats.has("series"));
        }
    }

    @Test
    void aControlPathOnAWorkloadConnectionIsRedirectedClosedAndNotCountedAsWorkload() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "3");
             RawConnection socket = new RawConnection(server.baseUri())) {
            assertFalse(socket.exchange("GET", "/poll").closes());
            RawConnection.Response redirect = socket.exchange("GET", "/harness/stats");
            assertEquals(308, redirect.status());
            assertTrue(redirect.closes(), "a redirect leaves no idle connection on the workload connector");
            assertTrue(socket.awaitServerClose());
            assertTrue(TestServers.await(5_000, () -> server.probe().perConnection().requests() == 1));
            assertEquals(1, server.probe().perConnection().connectionsSeen());
            assertEquals(1, server.probe().counters().requests(org.tomcatpush.harness.server.probe.Endpoint.POLL));
            assertEquals(0, server.probe().counters().requests(org.tomcatpush.harness.server.probe.Endpoint.OTHER));
        }
    }

    @Test
    void connectionsAreTheOpenSocketsExactlyNotTheAcceptorsLatch() throws Exception {
        // the acceptor holds a latch slot while it waits in accept(): an idle server's latch says 1
        for (String maxConnections : new String[] {"8192", "-1"}) {
            try (HarnessServer server = startServer("--max-connections", maxConnections)) {
                assertEquals(0, server.probe().connections().count(), "idle, maxConnections " + maxConnections);
                try (RawConnection a = new RawConnection(server.baseUri());
                     RawConnection b = new RawConnection(server.baseUri());
                     RawConnection c = new RawConnection(server.baseUri())) {
                    for (RawConnection open : new RawConnection[] {a, b, c}) {
                        assertEquals(200, open.exchange("GET", "/poll").status());
                    }
                    assertEquals(3, server.probe().connections().count(), "three kept-alive connections");
                }
                assertTrue(TestServers.await(5_000, () -> server.probe().connections().count() == 0),
                        "all closed again: " + server.probe().connections().count());
            }
        }
    }

    @Test
    void clientCloseRequestCountsAsClosedOther() throws Exception {
        try (HarnessServer server = startServer("--max-keep-alive-requests", "5");
             RawConnection socket = new RawConnection(server.baseUri())) {
            assertTrue(socket.exchange("GET", "/poll", "Connection: close").closes());
            assertTrue(TestServers.await(5_000, () -> server.probe().perConnection().closedOther() == 1));
            assertEquals(0, server.probe().perConnection().closedAtKeepAliveLimit());
        }
    }

    @Test
    void openStreamsAndSessionsAreCountedWhileOpen() throws Exception {
        try (HarnessServer server = startServer();
             SseConnection sse = SseConnection.open(server.baseUri(), "/sse");
             RawConnection longPoll = new RawConnection(server.baseUri())) {
            assertEquals("open", sse.next().comment());
            longPoll.send("GET", "/longpoll");
            assertTrue(TestServers.await(5_000, () ->
                    server.probe().counters().asyncInFlight(org.tomcatpush.harness.server.probe.Endpoint.LONGPOLL) == 1));
            JsonNode stats = TestServers.stats(server);
            assertEquals(1, stats.get("asyncInFlight").get("sse").asInt());
            assertEquals(1, stats.get("asyncInFlight").get("longpoll").asInt());
            assertEquals(0, stats.get("asyncInFlight").get("poll").asInt());
            assertEquals(1, stats.get("requests").get("sse").asLong(), "a request counts when it starts");
            assertEquals(2, stats.get("perConnection").get("requests").asLong(), "and in the ledger too");
            assertEquals(2, stats.get("perConnection").get("connectionsSeen").asLong());
            assertTrue(stats.get("connections").get("count").asLong() >= 2);
        }
    }

    @Test
    void resetZeroesCountersButNotTheSequence() throws Exception {
        try (HarnessServer server = startServer("--sample-interval", "10");
             RawConnection socket = new RawConnection(server.baseUri());
             RawConnection control = new RawConnection(server.controlUri())) {
            server.hub().publish(4);
            socket.exchange("GET", "/poll?since=0");
            assertTrue(TestServers.await(5_000, () -> server.probe().perConnection().requests() == 1
                    && server.probe().sampled().samples() > 0));

            RawConnection.Response reset = control.exchange("POST", "/harness/reset");
            assertEquals(204, reset.status());
            JsonNode stats = TestServers.stats(server);
            assertEquals(0, stats.get("requests").get("total").asLong());
            assertEquals(0, stats.get("bytesWritten").get("total").asLong());
            assertEquals(0, stats.get("perConnection").get("connectionsSeen").asLong());
            assertEquals(0, stats.get("perConnection").get("requests").asLong());
            assertEquals(0, stats.get("messagesPublished").asLong());
            assertEquals(4, stats.get("lastSeq").asLong(), "the sequence goes on");
            assertTrue(stats.get("sampled").get("samples").asLong() < 50, "the histograms restarted");

            socket.exchange("GET", "/poll");
            assertTrue(TestServers.await(5_000, () -> server.probe().perConnection().requests() == 1));
            assertEquals(1, server.probe().perConnection().connectionsSeen(),
                    "a connection open across the reset is seen again from its next request");
        }
    }

    @Test
    void theServerCountsEveryResetSinceItStartedAndNoResetZeroesTheCount() throws Exception {
        try (HarnessServer server = startServer();
             RawConnection control = new RawConnection(server.controlUri())) {
            assertEquals(0, TestServers.stats(server).get("resets").get("sinceStart").asLong(), "a fresh server");
            for (int i = 1; i <= 3; i++) {
                assertEquals(204, control.exchange("POST", "/harness/reset").status());
                assertEquals(i, TestServers.stats(server).get("resets").get("sinceStart").asLong());
            }
            control.exchange("GET", "/harness/stats");
            assertEquals(3, server.probe().resetsSinceStart(), "reading the stats is no reset");
        }
    }

    @Test
    void connectionsAreCountedByTheClientsAddressOncePerConnectionUntilTheReset() throws Exception {
        try (HarnessServer server = startServer();
             RawConnection control = new RawConnection(server.controlUri());
             RawConnection one = new RawConnection(server.baseUri(), 10_000, InetAddress.getByName("127.0.0.2"));
             RawConnection two = new RawConnection(server.baseUri(), 10_000, InetAddress.getByName("127.0.0.3"));
             RawConnection three = new RawConnection(server.baseUri(), 10_000, InetAddress.getByName("127.0.0.3"))) {
            for (RawConnection c : new RawConnection[] {one, one, one, two, three, three}) {
                assertEquals(200, c.exchange("GET", "/poll").status());
            }
            JsonNode byAddress = TestServers.stats(server).get("connectionsByRemoteAddress");
            assertEquals("{\"127.0.0.2\":1,\"127.0.0.3\":2}", byAddress.toString(),
                    "connections, not requests, and the control connection is not among them");

            assertEquals(204, control.exchange("POST", "/harness/reset").status());
            assertEquals("{}", TestServers.stats(server).get("connectionsByRemoteAddress").toString());
            assertEquals(200, two.exchange("GET", "/poll").status());
            assertEquals("{\"127.0.0.3\":1}", TestServers.stats(server).get("connectionsByRemoteAddress").toString(),
                    "a connection open across the reset is seen again from its next request");
        }
    }

    @Test
    void publishEndpointPublishesNowAndAnswersTheLastSequence() throws Exception {
        try (HarnessServer server = startServer();
             RawConnection socket = new RawConnection(server.controlUri())) {
            RawConnection.Response r = socket.exchange("POST", "/harness/publish?count=3");
            assertEquals(200, r.status());
            assertEquals("{\"last\":3}", r.body());
            assertEquals("{\"last\":4}", socket.exchange("POST", "/harness/publish").body());
            assertEquals(4, server.hub().lastSeq());

            RawConnection.Response bad = socket.exchange("POST", "/harness/publish?count=zero");
            assertEquals(400, bad.status());
            assertTrue(bad.body().startsWith("count=zero is not a message count"), bad.body());
            assertTrue(bad.closes(), "Tomcat drops the connection after a 400");
            try (RawConnection other = new RawConnection(server.controlUri())) {
                assertEquals(404, other.exchange("POST", "/harness/nothing").status());
                assertEquals(404, other.exchange("GET", "/poll").status(), "the control connector serves no workload");
            }
        }
    }

    @Test
    void seriesListsTheSamplesWhenAskedFor() throws Exception {
        try (HarnessServer server = startServer("--sample-interval", "20");
             RawConnection socket = new RawConnection(server.controlUri())) {
            assertTrue(TestServers.await(5_000, () -> server.probe().sampled().samples() >= 3));
            JsonNode stats = TestServers.JSON.readTree(socket.exchange("GET", "/harness/stats?series=true").body());
            JsonNode series = stats.get("series");
            assertTrue(series.size() >= 3);
            JsonNode row = series.get(0);
            for (String field : new String[] {"t", "busy", "pool", "queue", "connections", "pollerSockets",
                    "asyncInFlight", "wsSessions"}) {
                assertTrue(row.has(field), "series rows carry " + field);
            }
            assertEquals(20, stats.get("sampled").get("intervalMillis").asLong());
        }
    }

    @Test
    void everySampleCarriesTheHeapInUseAndOnLinuxTheResidentSetSize() throws Exception {
        boolean linux = java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"));
        try (HarnessServer server = startServer("--sample-interval", "20");
             RawConnection socket = new RawConnection(server.controlUri())) {
            assertTrue(TestServers.await(5_000, () -> server.probe().sampled().samples() >= 3));
            for (org.tomcatpush.harness.server.probe.Sample sample : server.probe().series()) {
                assertTrue(sample.heapUsedBytes() > 0, "heap in use: " + sample);
                assertEquals(linux, sample.rssBytes() > 0, "resident set size on Linux, -1 elsewhere: " + sample);
            }
            JsonNode stats = TestServers.JSON.readTree(socket.exchange("GET", "/harness/stats?series=true").body());
            JsonNode row = stats.get("series").get(0);
            assertTrue(row.get("heapUsed").asLong() > 0);
            assertEquals(linux, row.get("rss").asLong() > 0);
            JsonNode sampled = stats.get("sampled");
            assertTrue(sampled.get("heapUsedBytes").get("max").asLong() > 0);
            assertEquals(linux, sampled.get("rssBytes").get("max").asLong() > 0);
            assertTrue(stats.get("memory").get("heapUsedBytes").asLong() > 0);
            assertEquals(Runtime.getRuntime().maxMemory(), stats.get("memory").get("heapMaxBytes").asLong(),
                    "the test's server runs in this JVM");
            assertEquals(linux, stats.get("memory").get("rssBytes").asLong() > 0);
        }
    }

    @Test
    void processCpuTimeIsTheServerProcesssReadingAtTheMomentOfTheRequest() throws Exception {
        try (HarnessServer server = startServer();
             RawConnection socket = new RawConnection(server.controlUri())) {
            // the test's server runs in this JVM: its reading lies between this process's before and after
            long before = ProcessCpu.nanos();
            JsonNode first = TestServers.JSON.readTree(socket.exchange("GET", "/harness/stats").body()).get("process");
            long between = ProcessCpu.nanos();
            JsonNode second = TestServers.JSON.readTree(socket.exchange("GET", "/harness/stats").body()).get("process");
            long after = ProcessCpu.nanos();
            long firstNanos = first.get("cpuNanos").asLong();
            long secondNanos = second.get("cpuNanos").asLong();
            assertTrue(before > 0 && before <= firstNanos && firstNanos <= between, before + " " + firstNanos + " " + between);
            assertTrue(between <= secondNanos && secondNanos <= after, between + " " + secondNanos + " " + after);
            assertEquals(Runtime.getRuntime().availableProcessors(), second.get("availableProcessors").asInt());
        }
    }

    @Test
    void gcEndpointAnswersTheHeapLeftAfterACollectionOnTheControlConnectorOnly() throws Exception {
        try (HarnessServer server = startServer();
             RawConnection control = new RawConnection(server.controlUri());
             RawConnection workload = new RawConnection(server.baseUri())) {
            RawConnection.Response gc = control.exchange("POST", "/harness/gc");
            assertEquals(200, gc.status());
            JsonNode body = TestServers.JSON.readTree(gc.body());
            assertTrue(body.get("heapUsedBytes").asLong() > 0, gc.body());
            assertTrue(body.get("gcMillis").asLong() >= 0, gc.body());
            assertTrue(body.has("rssBytes"), gc.body());

            RawConnection.Response redirected = workload.exchange("POST", "/harness/gc");
            assertEquals(308, redirected.status(), "the workload connector only points to the control connector");
            assertEquals(server.controlUri() + "/harness/gc", redirected.header("Location"));
        }
    }

    @Test
    void samplerOffTakesNoSamples() throws Exception {
        try (HarnessServer server = startServer("--sample-interval", "0")) {
            Thread.sleep(200);
            JsonNode sampled = TestServers.stats(server).get("sampled");
            assertEquals(0, sampled.get("samples").asLong());
            assertEquals(0, sampled.get("intervalMillis").asLong());
        }
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringStatsTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }

    /** Busy workload threads as a stats request reports them while it runs. */
    private static int busyDuringStats(HarnessServer server) {
        try {
            return TestServers.stats(server).get("threads").get("busy").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
