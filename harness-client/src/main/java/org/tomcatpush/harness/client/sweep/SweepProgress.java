package org.tomcatpush.harness.client.sweep;

import java.time.Duration;
import java.util.List;

/**
 * The sweep's progress over its runs, as lines on stderr:
 * {@code [3/16] transport=sse max-threads=50 handler=async ... ETA 6m} when a run starts and
 * {@code [3/16] completed in 34s} (or {@code failed in 3s: <cause>}) when it ends. The estimate is the remaining runs' durations plus
 * a per-run overhead: the mean measured so far (wall time minus duration), or a first guess before
 * any run finished. Not thread-safe: the sweep's thread uses it.
 */
public final class SweepProgress {

    private final List<Duration> durations;
    private final Duration firstGuess;
    private Duration overheadSum = Duration.ZERO;
    private int finished;

    /**
     * @param durations  each run's duration, in order
     * @param firstGuess overhead per run assumed until one has finished
     */
    public SweepProgress(List<Duration> durations, Duration firstGuess) {
        this.durations = List.copyOf(durations);
        this.firstGuess = firstGuess;
    }

    /** The line printed as run {@code c} starts. */
    public String starting(Combination c) {
        return c.position() + " " + (c.label().isEmpty() ? "run" : c.label()) + " ... ETA "
                + TimeText.of(remaining(c.index() - 1));
    }

    /**
     * Records that run {@code c} took {@code wall}; returns the line to print,
     * {@code [3/16] completed in 34s} or {@code [3/16] failed in 3s: <cause>}.
     */
    public String finished(Combination c, Duration wall, String status, String cause) {
        Duration overhead = wall.minus(durations.get(c.index() - 1));
        overheadSum = overheadSum.plus(overhead.isNegative() ? Duration.ZERO : overhead);
        finished++;
        return c.position() + " " + status + " in " + TimeText.of(wall) + (cause.isEmpty() ? "" : ": " + cause);
    }

    /** Expected time of runs {@code from} (0-based) to the last. */
    Duration remaining(int from) {
        Duration overhead = finished == 0 ? firstGuess : overheadSum.dividedBy(finished);
        Duration total = Duration.ZERO;
        for (int i = from; i < durations.size(); i++) {
            total = total.plus(durations.get(i)).plus(overhead);
        }
        return total;
    }
}
