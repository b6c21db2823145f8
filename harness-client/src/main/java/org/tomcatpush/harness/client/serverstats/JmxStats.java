package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The server-side figures of a run read from Tomcat's MBeans ({@code --jmx}) instead of
 * {@code /harness/stats}: each {@link #sample()} (once a second, as the run ticks) reads the connector once and keeps it as a
 * {@link ServerSample} (busy threads, connections), and every answer is a {@link ServerStats} as
 * the harness's own sampler would give it, with {@code busyMetric} {@value #BUSY_METRIC}, requests
 * and bytes counted from the {@link #JmxStats first reading} (Tomcat's counters are never reset),
 * {@code maxThreads} and {@code maxConnections} as its config, and no per-connection ledger,
 * server closes or publisher (JMX has none of them). Confined to the run's thread.
 */
public final class JmxStats implements AutoCloseable {

    /** {@code busy_metric} of figures read over JMX. */
    public static final String BUSY_METRIC = "jmx-currentThreadsBusy";

    /** A run samples once a second, as it ticks ({@code sampleIntervalMs} of the config). */
    public static final long SAMPLE_INTERVAL_MS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TomcatJmx jmx;
    private final JmxReading baseline;
    private final List<ServerSample> series = new ArrayList<>();
    private JmxReading last;

    /** Takes the first reading, from which requests and bytes count. @throws IOException when it fails */
    public JmxStats(TomcatJmx jmx) throws IOException {
        this.jmx = jmx;
        this.baseline = jmx.read();
        this.last = baseline;
    }

    /** The figures as of the first reading (nothing counted yet). */
    public ServerStats initial() {
        return stats(baseline);
    }

    /** Reads the connector now and keeps the reading in the series; {@code null} when the read failed. */
    public ServerStats sample() {
        try {
            JmxReading reading = jmx.read();
            last = reading;
            series.add(new ServerSample(reading.epochMs(), reading.busyThreads(), -1, reading.connections(), -1, -1));
            return stats(reading);
        } catch (IOException e) {
            return null;
        }
    }

    /** A last reading (the one before it if this one fails), with the whole series. */
    public ServerStats last() {
        ServerStats now = sample();
        return now != null ? now : stats(last);
    }

    @Override
    public void close() {
        jmx.close();
    }

    private ServerStats stats(JmxReading r) {
        ObjectNode config = JSON.createObjectNode();
        if (r.maxThreads() >= 0) {
            config.put("maxThreads", r.maxThreads());
        }
        if (r.maxConnections() >= 0) {
            config.put("maxConnections", r.maxConnections());
        }
        jmx.settings().forEach((name, value) -> config.put(name, value.longValue()));
        config.put("sampleIntervalMs", SAMPLE_INTERVAL_MS);
        config.put("jmxThreadPool", jmx.threadPool().toString());
        long requests = r.requests() < 0 || baseline.requests() < 0 ? -1 : r.requests() - baseline.requests();
        long bytes = r.bytesSent() < 0 || baseline.bytesSent() < 0 ? -1 : r.bytesSent() - baseline.bytesSent();
        return new ServerStats(r.epochMs(), "unknown", r.busyThreads(), BUSY_METRIC, r.threads(), -1, r.connections(),
                requests < 0 ? Map.of() : Map.of("total", requests), bytes < 0 ? Map.of() : Map.of("total", bytes),
                -1, series.size(), SampledStats.of(series, ServerSample::busyThreads), SampledStats.UNKNOWN,
                SampledStats.of(series, ServerSample::connections), PerConnectionStats.UNKNOWN, config, series,
                ServerCloseStats.UNKNOWN, PublisherStats.UNKNOWN);
    }
}
