package org.tomcatpush.harness.client.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import org.tomcatpush.harness.client.accounting.Histograms;
import org.tomcatpush.harness.client.accounting.PerThreadRecorder;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.results.LatencyLogHeader;
import org.tomcatpush.harness.client.results.LatencySummary;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Drains the sessions' latency recorders once per interval, writes each interval histogram to
 * {@code latency.hlog} (HdrHistogram's interval log, readable by {@code HistogramLogProcessor})
 * and adds it to the run's totals. Delivery latency is tagged with the transport's name; poll
 * response times with {@link LatencyLogHeader#RESPONSE_TIME_TAG} and
 * {@link LatencyLogHeader#UNCORRECTED_RESPONSE_TIME_TAG} plus the name, each session's time to
 * its first message with {@link LatencyLogHeader#FIRST_MESSAGE_TAG} plus the name, the time to failure of
 * failed polls with {@link LatencyLogHeader#FAILURE_TIME_TAG} plus the name, each connection's connect time
 * with {@link LatencyLogHeader#CONNECT_TIME_TAG} plus the name, each written only for
 * intervals that recorded some. Interval histograms are recycled, so draining allocates nothing
 * in the steady state. Not thread-safe: one monitor thread drains.
 */
public final class LatencyLog implements Closeable {

    /** The latency figures each transport records. */
    public enum Family {
        LATENCY("", TransportRecorder::latencyRecorder),
        RESPONSE_TIME(LatencyLogHeader.RESPONSE_TIME_TAG, TransportRecorder::responseTimeRecorder),
        UNCORRECTED_RESPONSE_TIME(LatencyLogHeader.UNCORRECTED_RESPONSE_TIME_TAG,
                TransportRecorder::uncorrectedResponseTimeRecorder),
        /** Per session, its start to its first message; censored at the stop for sessions still waiting. */
        FIRST_MESSAGE(LatencyLogHeader.FIRST_MESSAGE_TAG, TransportRecorder::firstMessageRecorder),

        /** Failed polls, timed out ones included: from the intended send to the failure. */
        FAILURE_TIME(LatencyLogHeader.FAILURE_TIME_TAG, TransportRecorder::failureTimeRecorder),

        /** Per connection, from its connect call to its being established (issue 12, E5). */
        CONNECT_TIME(LatencyLogHeader.CONNECT_TIME_TAG, TransportRecorder::connectTimeRecorder);

        private final String tagPrefix;
        private final Function<TransportRecorder, PerThreadRecorder> recorder;

        Family(String tagPrefix, Function<TransportRecorder, PerThreadRecorder> recorder) {
            this.tagPrefix = tagPrefix;
            this.recorder = recorder;
        }
    }

    private static final class Channel {
        final Transport transport;
        final Family family;
        final PerThreadRecorder recorder;
        final String tag;
        final Histogram total = newHistogram();
        Histogram recycled;

        Channel(Transport transport, Family family, PerThreadRecorder recorder) {
            this.transport = transport;
            this.family = family;
            this.recorder = recorder;
            this.tag = family.tagPrefix + transport.cliName();
        }
    }

    private final HistogramLogWriter writer;
    private final List<Channel> channels = new ArrayList<>();
    private final Histogram intervalLatency = newHistogram();

    private LatencyLog(HistogramLogWriter writer, RunRecorder recorder) {
        this.writer = writer;
        for (TransportRecorder r : recorder.all().values()) {
            for (Family f : Family.values()) {
                Channel c = new Channel(r.transport(), f, f.recorder.apply(r));
                c.recycled = c.recorder.getIntervalHistogram(); // discards anything recorded before the start
                channels.add(c);
            }
        }
    }

    /** Opens the log at {@code file} and writes its header; intervals start now. */
    public static LatencyLog open(Path file, RunRecorder recorder, long startEpochMs) throws IOException {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        LatencyLogHeader.write(writer, startEpochMs);
        return new LatencyLog(writer, recorder);
    }

    /**
     * Drains every recorder, logs the intervals and adds them to the totals.
     *
     * @return the delivery latency of all transports during the interval, valid until the next drain
     */
    public Histogram drain() {
        Histograms.clear(intervalLatency);
        for (Channel c : channels) {
            Histogram interval = c.recorder.getIntervalHistogram(c.recycled);
            c.recycled = interval;
            if (c.family == Family.LATENCY || interval.getTotalCount() > 0) {
                interval.setTag(c.tag);
                writer.outputIntervalHistogram(interval);
            }
            Histograms.addTo(c.total, interval);
            if (c.family == Family.LATENCY) {
                Histograms.addTo(intervalLatency, interval);
            }
        }
        return intervalLatency;
    }

    /** One transport's run total of one family. */
    public LatencySummary total(Transport transport, Family family) {
        for (Channel c : channels) {
            if (c.transport == transport && c.family == family) {
                return LatencySummary.of(c.total);
            }
        }
        return LatencySummary.EMPTY;
    }

    /** The run total of one family over every transport. */
    public LatencySummary totalOfAll(Family family) {
        Histogram sum = newHistogram();
        channels.stream().filter(c -> c.family == family).forEach(c -> sum.add(c.total));
        return LatencySummary.of(sum);
    }

    @Override
    public void close() {
        writer.close();
    }

    private static Histogram newHistogram() {
        return new Histogram(1, TransportRecorder.MAX_TRACKABLE_MICROS, 3);
    }
}
