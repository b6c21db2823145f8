package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

import org.tomcatpush.harness.client.scenario.AgentSlice;
import org.tomcatpush.harness.client.serverstats.ClockOffset;
import org.tomcatpush.harness.client.serverstats.StatsClient;

/**
 * How the agents of a split run start together: each reads its clock's offset to the server (for
 * run.json, so that the folders' times can be put on the server's clock when they are merged), and
 * waits for the shared {@code --start-at} instant, read on its own wall clock, before its ramp-up.
 * Without {@code --start-at} there is nothing to wait for. Immutable; the waits run on the caller's
 * thread and end early when the caller's {@link Sleeper} says a stop was requested.
 *
 * <pre>
 * SynchronizedStart start = new SynchronizedStart(plan.startAt(), plan.agent());
 * ClockOffset offset = SynchronizedStart.clockOffset(stats);  // null when the server does not tell
 * if (!start.await(err, this::sleepUntil)) {
 *     return;                                                  // stopped while waiting
 * }
 * </pre>
 */
final class SynchronizedStart {

    /** Sleeps until a {@link System#nanoTime()} deadline; false when a stop was requested first. */
    @FunctionalInterface
    interface Sleeper {
        boolean sleepUntil(long deadlineNanos);
    }

    private final Instant startAt;
    private final AgentSlice agent;

    /** @param startAt the {@code --start-at} instant, or {@code null} to start at once */
    SynchronizedStart(Instant startAt, AgentSlice agent) {
        this.startAt = startAt;
        this.agent = agent;
    }

    /** How long the wait still lasts from now: zero without {@code --start-at} or once it has passed. */
    Duration remaining() {
        if (startAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(), startAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Says on {@code err} that the run waits, then waits until this machine's wall clock reads the
     * start; at once without {@code --start-at}.
     *
     * @return false when a stop was requested first (no session may then be opened)
     */
    boolean await(PrintStream err, Sleeper sleeper) {
        if (startAt == null) {
            return true;
        }
        err.println("harness: " + (agent.whole() ? "" : "agent " + agent + " ")
                + "waiting for --start-at " + startAt + " to start the ramp-up");
        err.flush();
        long epochMs = startAt.toEpochMilli();
        long remainingMs = epochMs - System.currentTimeMillis();
        if (!sleeper.sleepUntil(System.nanoTime() + Math.max(0, remainingMs) * 1_000_000L)) {
            return false;
        }
        // the monotonic clock and the wall clock may drift apart over the wait: finish on the wall clock
        while (System.currentTimeMillis() < epochMs) {
            if (!sleeper.sleepUntil(System.nanoTime() + 1_000_000L)) {
                return false;
            }
        }
        return true;
    }

    /** The server's clock against this machine's; {@code null} when the server does not tell it. */
    static ClockOffset clockOffset(StatsClient stats) {
        try {
            return ClockOffset.measure(stats);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
