package org.tomcatpush.harness.client.serverstats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * One answer of {@code GET /harness/stats} (see docs/PROTOCOL.md), the figures the client uses,
 * parsed leniently: a figure the server did not send is -1 (or "unknown"), so a newer or older
 * server never breaks a run. Immutable.
 *
 * @param timeMillis       the server's clock when it answered, epoch ms
 * @param tomcatVersion    the server's Tomcat version
 * @param busyThreads      busy worker threads now (see {@code busyMetric})
 * @param busyMetric       {@code executor-active}, or {@code handlers-in-progress} with virtual threads
 * @param poolSize         worker threads in the pool now
 * @param queueLength      tasks waiting in the executor queue now
 * @param connections      connections the connector holds now
 * @param requests         requests by endpoint ({@code total, poll, longpoll, sse, ws, other})
 * @param bytesWritten     bytes written by endpoint ({@code total, poll, longpoll, sse, ws})
 * @param messagesPublished messages published since the last reset
 * @param samples          probe samples taken since the last reset
 * @param busySampled      busy threads over the samples
 * @param queueSampled     queue length over the samples
 * @param connectionsSampled connections over the samples
 * @param perConnection    the per-connection ledger
 * @param config           the server's configuration as it reported it
 * @param series           the sampled series, empty unless asked for with {@code ?series=true}
 * @param serverCloses     connections the server closed, by cause
 * @param publisher        the publisher's lag behind its schedule ({@link PublisherStats#UNKNOWN} from an older server)
 * @param heapSampled      the server's heap in use over the samples, bytes
 * @param rssSampled       the server's resident set size over the samples, bytes
 * @param resetsSinceStart the server's {@code POST /harness/reset}s since it started, never zeroed
 *                         ({@code resets.sinceStart}); -1 from a server that does not count them
 * @param processCpuNanos  the server process's CPU time so far when it answered, ns (-1 from an older server or over JMX)
 */
public record ServerStats(long timeMillis, String tomcatVersion, long busyThreads, String busyMetric, long poolSize,
        long queueLength, long connections, Map<String, Long> requests, Map<String, Long> bytesWritten,
        long messagesPublished, long samples, SampledStats busySampled, SampledStats queueSampled,
        SampledStats connectionsSampled, PerConnectionStats perConnection, JsonNode config, List<ServerSample> series,
        ServerCloseStats serverCloses, PublisherStats publisher, SampledStats heapSampled, SampledStats rssSampled,
        long resetsSinceStart, long processCpuNanos) {

    /** Stats without a count of resets or the server's CPU time (a server older than them, or Tomcat's MBeans). */
    public ServerStats(long timeMillis, String tomcatVersion, long busyThreads, String busyMetric, long poolSize,
            long queueLength, long connections, Map<String, Long> requests, Map<String, Long> bytesWritten,
            long messagesPublished, long samples, SampledStats busySampled, SampledStats queueSampled,
            SampledStats connectionsSampled, PerConnectionStats perConnection, JsonNode config,
            List<ServerSample> series, ServerCloseStats serverCloses, PublisherStats publisher,
            SampledStats heapSampled, SampledStats rssSampled) {
        this(timeMillis, tomcatVersion, busyThreads, busyMetric, poolSize, queueLength, connections, requests,
                bytesWritten, messagesPublished, samples, busySampled, queueSampled, connectionsSampled, perConnection,
                config, series, serverCloses, publisher, heapSampled, rssSampled, -1, -1);
    }

    /** Stats without memory figures (a server older than them). */
    public ServerStats(long timeMillis, String tomcatVersion, long busyThreads, String busyMetric, long poolSize,
            long queueLength, long connections, Map<String, Long> requests, Map<String, Long> bytesWritten,
            long messagesPublished, long samples, SampledStats busySampled, SampledStats queueSampled,
            SampledStats connectionsSampled, PerConnectionStats perConnection, JsonNode config,
            List<ServerSample> series, ServerCloseStats serverCloses, PublisherStats publisher) {
        this(timeMillis, tomcatVersion, busyThreads, busyMetric, poolSize, queueLength, connections, requests,
                bytesWritten, messagesPublished, samples, busySampled, queueSampled, connectionsSampled, perConnection,
                config, series, serverCloses, publisher, SampledStats.UNKNOWN, SampledStats.UNKNOWN);
    }

    public ServerStats {
        requests = Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        bytesWritten = Collections.unmodifiableMap(new LinkedHashMap<>(bytesWritten));
        config = config.deepCopy();
        series = List.copyOf(series);
    }

    /** Reads the JSON document of {@code /harness/stats}. */
    public static ServerStats from(JsonNode root) {
        JsonNode threads = root.path("threads");
        JsonNode sampled = root.path("sampled");
        List<ServerSample> series = new ArrayList<>();
        root.path("series").forEach(node -> series.add(ServerSample.from(node)));
        return new ServerStats(root.path("timeMillis").asLong(-1), root.path("tomcatVersion").asText("unknown"),
                threads.path("busy").asLong(-1), threads.path("busyMetric").asText("unknown"),
                threads.path("poolSize").asLong(-1), threads.path("queueLength").asLong(-1),
                root.path("connections").path("count").asLong(-1), longs(root.path("requests")),
                longs(root.path("bytesWritten")), root.path("messagesPublished").asLong(-1),
                sampled.path("samples").asLong(-1), SampledStats.from(sampled.path("busyThreads")),
                SampledStats.from(sampled.path("queueLength")), SampledStats.from(sampled.path("connections")),
                PerConnectionStats.from(root.path("perConnection")), root.path("config"), series,
                ServerCloseStats.from(root.path("serverCloses")), PublisherStats.from(root.path("publisher")),
                SampledStats.from(sampled.path("heapUsedBytes")), SampledStats.from(sampled.path("rssBytes")),
                root.path("resets").path("sinceStart").asLong(-1), root.path("process").path("cpuNanos").asLong(-1));
    }

    /**
     * These stats with the series cut to the measured window {@code [fromEpochMs, toEpochMs]} (the
     * server's clock) and the sampled summaries ({@code samples}, {@code busySampled},
     * {@code queueSampled}, {@code connectionsSampled}, {@code heapSampled}, {@code rssSampled}) computed from exactly those samples: counts
     * read after the load stopped, thread and connection figures as they stood while it ran,
     * neither the moments before the load started nor the teardown. Without a series (the sampler
     * off, or stats that did not ask for one) the summaries are unknown, never taken from elsewhere.
     */
    public ServerStats inWindow(long fromEpochMs, long toEpochMs) {
        List<ServerSample> window = series.stream()
                .filter(s -> s.epochMs() >= fromEpochMs && s.epochMs() <= toEpochMs).toList();
        return new ServerStats(timeMillis, tomcatVersion, busyThreads, busyMetric, poolSize, queueLength, connections,
                requests, bytesWritten, messagesPublished, window.size(),
                SampledStats.of(window, ServerSample::busyThreads), SampledStats.of(window, ServerSample::queueLength),
                SampledStats.of(window, ServerSample::connections), perConnection, config, window, serverCloses,
                publisher, SampledStats.of(window, ServerSample::heapUsedBytes),
                SampledStats.of(window, ServerSample::rssBytes), resetsSinceStart, processCpuNanos);
    }

    /** Whether these figures were read from Tomcat's MBeans ({@link JmxStats}), not {@code /harness/stats}. */
    public boolean readOverJmx() {
        return JmxStats.BUSY_METRIC.equals(busyMetric);
    }

    /** The server's count of requests on {@code transport}'s endpoint, -1 when it gave none. */
    public long requests(Transport transport) {
        return requests.getOrDefault(endpointKey(transport), -1L);
    }

    /** All requests the server counted (the harness's own control requests excluded), -1 when unknown. */
    public long requestsTotal() {
        return requests.getOrDefault("total", -1L);
    }

    /** A number from the server's configuration (e.g. {@code maxKeepAliveRequests}), or {@code fallback}. */
    public long configLong(String field, long fallback) {
        JsonNode node = config.path(field);
        return node.isNumber() ? node.asLong() : fallback;
    }

    /** The stats key of a transport's endpoint: its path without the slash ({@code poll}, {@code longpoll}, ...). */
    static String endpointKey(Transport transport) {
        return transport.path().substring(1);
    }

    private static Map<String, Long> longs(JsonNode object) {
        Map<String, Long> map = new LinkedHashMap<>();
        object.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                map.put(e.getKey(), e.getValue().asLong());
            }
        });
        return map;
    }
}
