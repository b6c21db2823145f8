package org.tomcatpush.harness.server.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Reads the probes every {@code intervalMs} on one daemon thread and records each figure into an
 * HdrHistogram (since the last reset) and a bounded time series (the newest
 * {@value #SERIES_CAPACITY} samples). Samples are taken on their own thread, so they keep coming
 * while every worker thread is held, which is when they matter. The lock is taken once per sample
 * and per stats read, never on a request path. It also measures its own cost: the CPU time its
 * thread spent sampling.
 */
final class Sampler implements AutoCloseable {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /**
     * The resident set size is read about once a second, every {@code rssEverySamples}-th sample,
     * and carried in the samples between: a read of /proc costs about as much as the rest of a
     * sample together (measured with this sampler's own CPU accounting, docs/SERVER.md), while the
     * heap reading costs a few microseconds and comes with every sample.
     */
    static final long RSS_READ_EVERY_MS = 1_000;

    /** Samples kept in the series: an hour at the default 100 ms. */
    static final int SERIES_CAPACITY = 36_000;

    private final long intervalMs;
    private final ConnectorProbe connector;
    private final ServerCounters counters;
    private final Histogram busy = new Histogram(3);
    private final Histogram poolSize = new Histogram(3);
    private final Histogram queueLength = new Histogram(3);
    private final Histogram connections = new Histogram(3);
    private final Histogram pollerSockets = new Histogram(3);
    private final Histogram asyncInFlight = new Histogram(3);
    private final Histogram wsSessions = new Histogram(3);
    // bytes: two significant digits keep the histograms small over a range of kB to tens of GB
    private final Histogram heapUsedBytes = new Histogram(2);
    private final Histogram rssBytes = new Histogram(2);
    private final ArrayDeque<Sample> series = new ArrayDeque<>();
    private long samples;
    private long seriesDropped;
    private long cpuNanos;
    private final long rssEverySamples;
    private long samplesUntilRss;
    private long lastRssBytes = -1;
    private final ScheduledExecutorService thread;

    /** Starts sampling, or does nothing but answer empty summaries when {@code intervalMs} is 0. */
    Sampler(long intervalMs, ConnectorProbe connector, ServerCounters counters) {
        this.intervalMs = intervalMs;
        this.connector = connector;
        this.counters = counters;
        this.rssEverySamples = intervalMs > 0 ? Math.max(1, RSS_READ_EVERY_MS / intervalMs) : 1;
        if (intervalMs > 0) {
            thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "harness-sampler");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleAtFixedRate(this::sampleSafely, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        } else {
            thread = null;
        }
    }

    /** Takes one sample now (the sampler thread does this every interval). */
    void sample() {
        ThreadsSnapshot threads = connector.threads();
        ConnectionsSnapshot conns = connector.connections();
        record(new Sample(System.currentTimeMillis(), threads.busy(), threads.poolSize(), threads.queueLength(),
                conns.count(), conns.pollerSockets(), counters.asyncInFlightTotal(), counters.wsSessions(),
                ProcessMemory.heapUsedBytes(), rssBytes()));
    }

    /** The resident set size, read anew every {@link #rssEverySamples} calls (the first one included). */
    private long rssBytes() {
        if (samplesUntilRss-- <= 0) {
            lastRssBytes = ProcessMemory.rssBytes();
            samplesUntilRss = rssEverySamples - 1;
        }
        return lastRssBytes;
    }

    synchronized void record(Sample sample) {
        samples++;
        recordIfKnown(busy, sample.busy());
        recordIfKnown(poolSize, sample.poolSize());
        recordIfKnown(queueLength, sample.queueLength());
        recordIfKnown(connections, sample.connections());
        recordIfKnown(pollerSockets, sample.pollerSockets());
        recordIfKnown(asyncInFlight, sample.asyncInFlight());
        recordIfKnown(wsSessions, sample.wsSessions());
        recordIfKnown(heapUsedBytes, sample.heapUsedBytes());
        recordIfKnown(rssBytes, sample.rssBytes());
        if (series.size() == SERIES_CAPACITY) {
            series.removeFirst();
            seriesDropped++;
        }
        series.addLast(sample);
    }

    synchronized SampledSummary summary() {
        return new SampledSummary(intervalMs, samples, seriesDropped, cpuNanos / 1_000, HistogramSummary.of(busy),
                HistogramSummary.of(poolSize), HistogramSummary.of(queueLength), HistogramSummary.of(connections),
                HistogramSummary.of(pollerSockets), HistogramSummary.of(asyncInFlight),
                HistogramSummary.of(wsSessions), HistogramSummary.of(heapUsedBytes), HistogramSummary.of(rssBytes));
    }

    synchronized List<Sample> series() {
        return new ArrayList<>(series);
    }

    synchronized void reset() {
        samples = 0;
        seriesDropped = 0;
        cpuNanos = 0;
        busy.reset();
        poolSize.reset();
        queueLength.reset();
        connections.reset();
        pollerSockets.reset();
        asyncInFlight.reset();
        wsSessions.reset();
        heapUsedBytes.reset();
        rssBytes.reset();
        series.clear();
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    private void sampleSafely() {
        long cpuBefore = CPU.getCurrentThreadCpuTime();
        try {
            sample();
        } catch (RuntimeException e) {
            // the connector is stopping; a missed sample is better than a dead sampler
        }
        long spent = CPU.getCurrentThreadCpuTime() - cpuBefore;
        synchronized (this) {
            cpuNanos += spent;
        }
    }

    private static void recordIfKnown(Histogram histogram, long value) {
        if (value >= 0) {
            histogram.recordValue(value);
        }
    }
}
