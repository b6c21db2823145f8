package org.tomcatpush.harness.client.thresholds;

import java.util.OptionalDouble;

/**
 * How one {@link Threshold} came out on one row of {@code summary.csv}. Immutable.
 *
 * @param threshold the threshold
 * @param row       the transport of the row it was judged on ({@code sse}, ..., {@code all})
 * @param observed  the cell's value; empty when the cell was empty (the figure was not measured)
 * @param breached  true when the condition does not hold, or there was no value to judge
 */
public record ThresholdOutcome(Threshold threshold, String row, OptionalDouble observed, boolean breached) {

    /** {@code sse latency_p99_ms<200 (was 312.4)}, or {@code (no value)} for an empty cell. */
    public String describe() {
        return row + " " + threshold.condition() + " (" + (observed.isPresent()
                ? "was " + Threshold.number(observed.getAsDouble()) : "no value") + ")";
    }

    /** The line the CLI prints: {@code threshold breached: sse latency_p99_ms<200 (was 312.4)}. */
    public String line() {
        return "threshold " + (breached ? "breached" : "passed") + ": " + describe();
    }
}
