package org.tomcatpush.harness.server.hub;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * How late the hub's messages went out against their intended publish time, since the last
 * {@link #reset()}: an HdrHistogram of the lag ({@link Message#lagMicros()}) of every message
 * published, those published on demand counting with lag 0. A publisher that falls behind its
 * schedule (a GC pause, a loaded machine, a slow fan-out) shows here, and delivery latency, which
 * counts from the intended time, already includes the delay.
 *
 * <p>Thread safety: {@link #record(long)} is wait-free (an HdrHistogram {@link Recorder}), so the
 * publisher never waits for a stats reader; {@link #summary()} and {@link #reset()} may be called
 * from any thread and are serialised with each other.
 */
public final class PublishLag {

    /**
     * The lag figures since the last reset, all 0 when nothing was published.
     *
     * @param published messages whose lag was recorded (every message published since the reset)
     * @param p50Micros median lag, microseconds
     * @param p99Micros 99th percentile lag, microseconds
     * @param maxMicros largest lag, microseconds (HdrHistogram's bucket bound: at most 0.1% above the true value)
     */
    public record Summary(long published, long p50Micros, long p99Micros, long maxMicros) {

        static Summary of(Histogram histogram) {
            if (histogram.getTotalCount() == 0) {
                return new Summary(0, 0, 0, 0);
            }
            return new Summary(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                    histogram.getValueAtPercentile(99), histogram.getMaxValue());
        }
    }

    private final Recorder recorder = new Recorder(3);
    private final Histogram sinceReset = new Histogram(3);
    private Histogram interval;

    /** Records one message's lag, microseconds (not negative). Wait-free. */
    void record(long lagMicros) {
        recorder.recordValue(lagMicros);
    }

    /** The lag of every message published since the last reset. */
    public synchronized Summary summary() {
        interval = recorder.getIntervalHistogram(interval);
        sinceReset.add(interval);
        return Summary.of(sinceReset);
    }

    /** Forgets every lag recorded so far. */
    public synchronized void reset() {
        recorder.reset();
        sinceReset.reset();
    }
}
