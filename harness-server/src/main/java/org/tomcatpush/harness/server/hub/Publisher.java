package org.tomcatpush.harness.server.hub;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes to a {@link MessageHub} at a fixed rate on one daemon thread. Paced from the intended
 * publish times (message n is due at start + n / rate), not from the previous publish, so a late
 * wake-up is caught up rather than lost and the long-run rate is exact. At high rates one wake-up
 * publishes every message that is due, then signals sessions once.
 */
public final class Publisher implements AutoCloseable {

    private static final long MIN_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final MessageHub hub;
    private final double ratePerSecond;
    private final Thread thread;
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

    private void run() {
        double periodNanos = 1e9 / ratePerSecond;
        long startNanos = System.nanoTime();
        long published = 0;
        while (running && !hub.isClosed()) {
            long elapsedNanos = System.nanoTime() - startNanos;
            long due = (long) (elapsedNanos / periodNanos) + 1 - published;
            if (due > 0) {
                int batch = (int) Math.min(due, Integer.MAX_VALUE);
                hub.publish(batch);
                published += batch;
            }
            long nextDueNanos = startNanos + (long) (published * periodNanos);
            long parkNanos = nextDueNanos - System.nanoTime();
            if (parkNanos > 0) {
                LockSupport.parkNanos(this, Math.max(parkNanos, MIN_PARK_NANOS));
            }
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
