package org.tomcatpush.harness.client.session;

import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * How late the client's event loops run what they are given: every {@value #PERIOD_MS} ms a task
 * is scheduled on each event loop, and when it runs its lateness (actual minus intended time)
 * goes into an HdrHistogram. An event loop busy with I/O or callbacks runs it late, and every
 * session on that loop waits as long; a lateness of tens of ms means the load generator, not the
 * server, bounds the figures. Starts on construction, stops on {@link #close()}; the figures stay
 * readable after. Thread-safe: each loop records into a concurrent histogram, a few times a second.
 */
public final class EventLoopDelay implements AutoCloseable {

    /** Period of the probe task on each event loop. */
    public static final long PERIOD_MS = 100;
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);

    /** Lateness in microseconds since the probe started. */
    private final Histogram lateMicros = new ConcurrentHistogram(3);
    private volatile boolean closed;

    /** Starts probing every event loop of {@code eventLoops}. */
    EventLoopDelay(EventLoopGroup eventLoops) {
        for (EventExecutor loop : eventLoops) {
            // the first task also waits for the loop's thread to start (Netty starts it on the first
            // task): a cost of the set-up, not lateness, so it is not recorded
            scheduleNext(loop, false);
        }
    }

    /** The lateness so far: p99 and max in ms, and how many probe tasks ran. */
    public Summary summary() {
        Histogram copy = lateMicros.copy();
        if (copy.getTotalCount() == 0) {
            return Summary.UNKNOWN;
        }
        return new Summary(copy.getTotalCount(), copy.getValueAtPercentile(99) / 1000.0, copy.getMaxValue() / 1000.0);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void scheduleNext(EventExecutor loop, boolean record) {
        if (closed || loop.isShuttingDown()) {
            return;
        }
        long intendedNanos = System.nanoTime() + PERIOD_NANOS;
        loop.schedule(() -> ran(loop, intendedNanos, record), PERIOD_NANOS, TimeUnit.NANOSECONDS);
    }

    private void ran(EventExecutor loop, long intendedNanos, boolean record) {
        if (record) {
            long lateNanos = System.nanoTime() - intendedNanos;
            lateMicros.recordValue(Math.max(0, lateNanos / 1_000));
        }
        scheduleNext(loop, true);
    }

    /**
     * The event loops' lateness.
     *
     * @param samples probe tasks that ran, 0 when none did
     * @param p99Ms   99th percentile lateness, ms; NaN when unknown
     * @param maxMs   largest lateness, ms; NaN when unknown
     */
    public record Summary(long samples, double p99Ms, double maxMs) {

        public static final Summary UNKNOWN = new Summary(0, Double.NaN, Double.NaN);
    }
}
