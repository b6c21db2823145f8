package org.tomcatpush.harness.server.hub;

import java.util.concurrent.TimeUnit;

/**
 * The publisher's timetable: message {@code n} (0, 1, 2, ...) is due {@code n / rate} after the
 * start. It is paced on the monotonic clock ({@link System#nanoTime()}) and stated on the epoch
 * clock, anchored once at the start, so the intended publish times of a run are exactly
 * {@code 1 / rate} apart (to the microsecond) however late the publisher runs. Immutable.
 *
 * <pre>
 * PublishSchedule schedule = PublishSchedule.startingNow(20);   // one message every 50 ms
 * long due = schedule.dueBy(System.nanoTime());                  // messages due so far
 * long intended = schedule.intendedAtMicros(due - 1);            // the newest one's intended time
 * </pre>
 *
 * @param startNanos       when message 0 is due, on the {@link System#nanoTime()} clock
 * @param startEpochMicros the same instant in epoch microseconds ({@link MessageCodec#nowMicros()})
 * @param periodNanos      time between two messages, {@code 1e9 / rate}; a fraction keeps the long-run rate exact
 */
public record PublishSchedule(long startNanos, long startEpochMicros, double periodNanos) {

    /** Most bracketed clock reads {@link #startingNow} makes to pair the two clocks. */
    private static final int ANCHOR_ATTEMPTS = 100;
    /** A bracket this narrow pairs the clocks to within the microsecond the epoch clock is read in. */
    private static final long ANCHOR_GOOD_ENOUGH_NANOS = 2_000;

    public PublishSchedule {
        if (!(periodNanos > 0) || !Double.isFinite(periodNanos)) {
            throw new IllegalArgumentException("the period must be positive (got " + periodNanos + " ns)");
        }
    }

    /**
     * A schedule whose first message is due now.
     *
     * @param ratePerSecond messages per second; must be positive
     */
    public static PublishSchedule startingNow(double ratePerSecond) {
        if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
            throw new IllegalArgumentException("publish rate must be positive (got " + ratePerSecond + ")");
        }
        // Pair the two clocks from the tightest of a few bracketed reads: a thread preempted between
        // two reads (a loaded machine, the JVM still starting) would otherwise skew every intended
        // time of the run by the length of that preemption.
        long bestWidthNanos = Long.MAX_VALUE;
        long startNanos = 0;
        long startEpochMicros = 0;
        for (int attempt = 0; attempt < ANCHOR_ATTEMPTS && bestWidthNanos > ANCHOR_GOOD_ENOUGH_NANOS; attempt++) {
            long before = System.nanoTime();
            long epochMicros = MessageCodec.nowMicros();
            long after = System.nanoTime();
            if (after - before < bestWidthNanos) {
                bestWidthNanos = after - before;
                startNanos = before + bestWidthNanos / 2;
                startEpochMicros = epochMicros;
            }
        }
        return new PublishSchedule(startNanos, startEpochMicros, TimeUnit.SECONDS.toNanos(1) / ratePerSecond);
    }

    /** When message {@code n} is due, on the {@link System#nanoTime()} clock. */
    public long dueNanos(long n) {
        return startNanos + offsetNanos(n);
    }

    /** When message {@code n} is meant to be published, in epoch microseconds. */
    public long intendedAtMicros(long n) {
        return startEpochMicros + offsetNanos(n) / 1_000;
    }

    /** How many messages are due at {@code nanoTime} (a {@link System#nanoTime()} value): 0 before the start. */
    public long dueBy(long nanoTime) {
        long elapsedNanos = nanoTime - startNanos;
        return elapsedNanos < 0 ? 0 : (long) (elapsedNanos / periodNanos) + 1;
    }

    private long offsetNanos(long n) {
        return (long) (n * periodNanos);
    }
}
