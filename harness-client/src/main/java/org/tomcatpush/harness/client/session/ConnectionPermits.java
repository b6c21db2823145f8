package org.tomcatpush.harness.client.session;

import java.util.ArrayDeque;

/**
 * A browser's per-origin connection cap: at most {@code max} exchanges (requests, streams,
 * WebSockets) at once; further ones wait, first come first served, until one ends. Never blocks a
 * thread: a waiting exchange is a {@link Runnable} that runs on the thread that frees the permit.
 * Thread-safe; the lock is per virtual browser and held only to move a permit.
 */
final class ConnectionPermits {

    private final int max;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int inUse;

    ConnectionPermits(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a connection cap must be at least 1 (got " + max + ")");
        }
        this.max = max;
    }

    /**
     * Runs {@code whenGranted} now if a permit is free, else once one is released to it.
     *
     * @return true when it ran now, false when it waits (it may have run on the releasing thread
     *         by the time this returns)
     */
    boolean acquire(Runnable whenGranted) {
        synchronized (this) {
            if (inUse >= max) {
                waiting.addLast(whenGranted);
                return false;
            }
            inUse++;
        }
        whenGranted.run();
        return true;
    }

    /** Gives a permit back; the longest waiter, if any, takes it over and runs on this thread. */
    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                inUse--;
                return;
            }
        }
        next.run();
    }

    /** Withdraws a waiter that no longer wants a permit; returns whether it was still waiting. */
    synchronized boolean withdraw(Runnable whenGranted) {
        return waiting.remove(whenGranted);
    }

    synchronized int inUse() {
        return inUse;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
