package org.tomcatpush.harness.server.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a session's writing task on whichever thread signals (the fan-out, the session timer,
 * Tomcat's {@code onWritePossible}, a send's completion), never on two threads at once, and once
 * more for every signal that arrived while it ran, so that no signal is lost and no thread waits
 * for another: the work-in-progress counter of a non-blocking drain. Thread-safe.
 */
public final class SerialDrain {

    private final AtomicInteger wip = new AtomicInteger();
    private final Runnable task;

    /** @param task writes what is due; it must not block */
    public SerialDrain(Runnable task) {
        this.task = task;
    }

    /**
     * Counts a signal; true when the caller is the one that must now {@link #drain()} (no drain
     * is under way), false when the drain under way will run the task once more for it.
     */
    public boolean enter() {
        return wip.getAndIncrement() == 0;
    }

    /** Runs the task until no signal is left unanswered; only after {@link #enter()} returned true. */
    public void drain() {
        int missed = 1;
        do {
            task.run();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /** {@link #enter()}, then {@link #drain()} on this thread when it is this thread's turn. */
    public void signal() {
        if (enter()) {
            drain();
        }
    }
}
