package org.tomcatpush.harness.client.session;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;

/**
 * Starts a run's sessions evenly spread over the ramp-up: session {@code i} of {@code n} at
 * {@code i * rampUp / n} after the start (all at once for a zero ramp-up). One timer task that
 * starts whatever is due (at most {@link #MAX_STARTS_PER_RUN} at a time) and schedules itself for
 * the next session, on the shared timer, so the caller never waits. Thread-safe.
 */
final class RampUp implements TimerTask {

    /**
     * Most sessions one run of the task starts: the timer runs it on an event loop, and a burst
     * of hundreds of starts at once (a zero ramp-up) would hold that loop's I/O back meanwhile;
     * the rest are started by the next run, at once.
     */
    static final int MAX_STARTS_PER_RUN = 32;

    private final List<Session> sessions;
    private final long rampUpNanos;
    private final Timer timer;
    private long startNanos;
    private int started;
    private volatile boolean cancelled;
    private volatile Timeout next;

    RampUp(List<Session> sessions, Duration rampUp, Timer timer) {
        this.sessions = sessions;
        this.rampUpNanos = Math.max(0, rampUp.toNanos());
        this.timer = timer;
    }

    void start() {
        startNanos = System.nanoTime();
        next = timer.newTimeout(this, 0, TimeUnit.NANOSECONDS);
    }

    /** No session starts after this returns, except one being started right now. */
    void cancel() {
        cancelled = true;
        Timeout timeout = next;
        if (timeout != null) {
            timeout.cancel();
        }
    }

    /** The offset from the start of the ramp-up at which session {@code index} of {@code count} starts. */
    static long startOffsetNanos(int index, int count, long rampUpNanos) {
        return count == 0 ? 0 : (long) ((double) index * rampUpNanos / count);
    }

    @Override
    public void run(Timeout timeout) {
        long elapsedNanos = System.nanoTime() - startNanos;
        int count = sessions.size();
        int startedNow = 0;
        while (started < count && !cancelled && startedNow < MAX_STARTS_PER_RUN
                && startOffsetNanos(started, count, rampUpNanos) <= elapsedNanos) {
            sessions.get(started++).begin();
            startedNow++;
        }
        if (started < count && !cancelled) {
            long delayNanos = Math.max(0, startOffsetNanos(started, count, rampUpNanos) - elapsedNanos);
            next = timer.newTimeout(this, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}
