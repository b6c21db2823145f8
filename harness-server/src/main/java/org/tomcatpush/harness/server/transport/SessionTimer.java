package org.tomcatpush.harness.server.transport;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that wakes async sessions at their deadlines (SSE stream end, long-poll hold,
 * heartbeat). Tomcat's own async timeout is checked only once a second, too coarse for a stream
 * meant to end after 300 ms, so the harness keeps the deadlines itself, to the millisecond. Tasks
 * must only signal their session, never write or block.
 */
public final class SessionTimer implements AutoCloseable {

    private final ScheduledThreadPoolExecutor executor;

    public SessionTimer() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "harness-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} at {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    public ScheduledFuture<?> at(long deadlineNanos, Runnable task) {
        return executor.schedule(task, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
