package org.tomcatpush.harness.client.serverstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.scenario.Transport;

@Timeout(30)
class StatsClientTest {

    private FakeHarnessServer server;
    private StatsClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeHarnessServer();
        client = new StatsClient(server.controlUri(), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsEveryFigureOfTheProtocolExample() throws Exception {
        ServerStats stats = client.fetch();
        assertEquals(1764091234567L, stats.timeMillis());
        assertEquals("11.0.27", stats.tomcatVersion());
        assertEquals(3, stats.busyThreads());
        assertEquals("executor-active", stats.busyMetric());
        assertEquals(10, stats.poolSize());
        assertEquals(0, stats.queueLength());
        assertEquals(12, stats.connections());
        assertEquals(120, stats.requestsTotal());
        assertEquals(100, stats.requests(Transport.SHORT_POLL));
        assertEquals(10, stats.requests(Transport.LONG_POLL));
        assertEquals(8, stats.requests(Transport.SSE));
        assertEquals(2, stats.requests(Transport.WS));
        assertEquals(45, stats.messagesPublished());
        assertEquals(52, stats.samples());
        assertEquals(new SampledStats(1.2, 1, 4, 4), stats.busySampled());
        assertEquals(12, stats.connectionsSampled().max());
        assertEquals(new PerConnectionStats(12, 120, 10.0, 10, 10, 0), stats.perConnection());
        assertEquals(new ServerCloseStats(10, 0, 0, 0, 0, 0, 10), stats.serverCloses());
        assertEquals(new PublisherStats(0.05, 1.25, 512.3, 45), stats.publisher());
        assertEquals(100, stats.configLong("maxKeepAliveRequests", -1));
        assertEquals(-7, stats.configLong("noSuchKnob", -7));
        assertEquals(0, stats.series().size(), "no series unless asked");
    }

    @Test
    void theSeriesComesOnlyWhenAskedFor() throws Exception {
        ServerStats stats = client.fetchWithSeries();
        assertEquals(1, stats.series().size());
        assertEquals(new ServerSample(server.sampleEpochMs(), 1, 0, 11, 9, 2), stats.series().get(0));
    }

    @Test
    void figuresTheServerDoesNotSendAreMinusOne() throws Exception {
        server.statsBody(() -> "{\"tomcatVersion\":\"11.0.27\"}");
        ServerStats stats = client.fetch();
        assertEquals(-1, stats.busyThreads());
        assertEquals(-1, stats.requests(Transport.SSE));
        assertEquals(SampledStats.UNKNOWN, stats.busySampled());
        assertEquals(PerConnectionStats.UNKNOWN, stats.perConnection());
        assertEquals(ServerCloseStats.UNKNOWN, stats.serverCloses());
        assertEquals(PublisherStats.UNKNOWN, stats.publisher());
        assertFalse(stats.publisher().known());
        assertEquals("unknown", stats.busyMetric());
    }

    @Test
    void readsTheServersHeapAndRssFromTheSampledSummariesAndTheSeries() throws Exception {
        server.statsBody(() -> "{\"sampled\":{\"samples\":1,"
                + "\"heapUsedBytes\":{\"mean\":3.0E7,\"p50\":30000000,\"p99\":30000000,\"max\":30000000},"
                + "\"rssBytes\":{\"mean\":1.2E8,\"p50\":120000000,\"p99\":120000000,\"max\":120000000}},"
                + "\"series\":[{\"t\":5,\"busy\":1,\"queue\":0,\"connections\":2,\"asyncInFlight\":0,"
                + "\"wsSessions\":2,\"heapUsed\":30000000,\"rss\":120000000}]}");
        ServerStats stats = client.fetch();
        assertEquals(new SampledStats(3.0E7, 30_000_000, 30_000_000, 30_000_000), stats.heapSampled());
        assertEquals(120_000_000, stats.rssSampled().max());
        assertEquals(new ServerSample(5, 1, 0, 2, 0, 2, 30_000_000, 120_000_000), stats.series().get(0));

        server.statsBody(() -> "{\"series\":[{\"t\":5,\"busy\":1}]}");
        ServerStats older = client.fetch();
        assertEquals(SampledStats.UNKNOWN, older.heapSampled(), "a server older than the memory figures");
        assertEquals(-1, older.series().get(0).heapUsedBytes());
        assertEquals(-1, older.series().get(0).rssBytes());
    }

    @Test
    void aServerWithoutTheGcEndpointIsAnIoErrorNamingItsAnswer() {
        IOException missing = assertThrows(IOException.class, client::collectGarbage);
        assertTrue(missing.getMessage().contains("/harness/gc answered 404"), missing.getMessage());
    }

    @Test
    void resetPostsToTheResetEndpoint() throws Exception {
        client.reset();
        client.reset();
        assertEquals(2, server.resets());
    }

    @Test
    void anErrorStatusOrABodyThatIsNotJsonIsAnIoError() {
        server.statsStatus(500);
        IOException status = assertThrows(IOException.class, client::fetch);
        assertTrue(status.getMessage().contains("answered 500"), status.getMessage());
        server.statsStatus(200);
        server.statsBody(() -> "<html>not a harness server</html>");
        assertThrows(IOException.class, client::fetch);
    }
}
