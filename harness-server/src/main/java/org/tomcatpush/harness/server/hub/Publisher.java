package org.tomcatpush.harness.server.hub;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes to a {@link MessageHub} at a fixed rate on one daemon thread, following a
 * {@link PublishSchedule}: message n is due at start + n / rate, paced from those intended times
 * rather than from the previous publish, so a late wake-up is caught up rather than lost and the
 * long-run rate is exact. At high rates one wake-up publishes every message that is due, then
 * signals sessions once. Each message carries its intended time, so a publisher that falls behind
 * (a GC pause, a loaded machine, a slow fan-out) cannot hide its delay from delivery latency
 * (publish-side coordinated omission); how far behind it fell is in {@link MessageHub#publishLag()}.
 */
public final class Publisher implements AutoCloseable {

    private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final MessageHub hub;
    private final double ratePerSecond;
    private final Thread thread;
    private final AtomicLong stallNanos = new AtomicLong();
    private volatile boolean running = true;

    private Publisher(MessageHub hub, double ratePerSecond) {
        this.hub = hub;
        this.ratePerSecond = ratePerSecond;
        this.thread = new Thread(this::run, "harness-publisher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts publishing.
     *
     * @param ratePerSecond messages per second; must be positive
     */
    public static Publisher start(MessageHub hub, double ratePerSecond) {
        if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
            throw new IllegalArgumentException("publish rate must be positive (got " + ratePerSecond + ")");
        }
        Publisher publisher = new Publisher(hub, ratePerSecond);
        publisher.thread.start();
        return publisher;
    }

    /**
     * Test hook, not a user feature: stops the publisher thread for {@code stall} from its next
     * wake-up (when the next message falls due), as a GC pause or an overloaded machine would.
     * The messages that fall due meanwhile go out together when it resumes, late, each with its
     * intended time; the first is late by the whole stall. Returns at once.
     */
    public void stallFor(Duration stall) {
        if (stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("a stall must be positive (got " + stall + ")");
        }
        stallNanos.set(stall.toNanos());
    }

    private void run() {
        PublishSchedule schedule = PublishSchedule.startingNow(ratePerSecond);
        long published = 0;
        while (running && !hub.isClosed()) {
            long stall = stallNanos.getAndSet(0);
            if (stall > 0) {
                parkUntil(System.nanoTime() + stall);
            }
            long due = schedule.dueBy(System.nanoTime()) - published;
            if (due > 0) {
                int batch = (int) Math.min(due, Integer.MAX_VALUE);
                hub.publishDue(schedule, published, batch);
                published += batch;
            }
            long parkNanos = schedule.dueNanos(published) - System.nanoTime();
            if (parkNanos > 0) {
                LockSupport.parkNanos(this, Math.max(parkNanos, MIN_PARK_NANOS));
            }
        }
    }

    private void parkUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0 && running;
                left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** Stops publishing and waits (briefly) for the thread to end. Idempotent. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
