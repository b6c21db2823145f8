package org.tomcatpush.harness.client.sweep.experiments;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.Outcome;

/**
 * One explicit test of a claim against the measurement, with what was observed. Immutable.
 *
 * @param description what must hold, in words, with the numbers it compares
 * @param result      met, not met, or no data to decide
 * @param observed    the figures the decision rests on, e.g. {@code short-poll L=5: 5; long-poll L=5: 5}
 * @param checks      the per-row checks it was built from, in order; empty when it was decided without checks
 *                    (then {@code observed} says it all) or there were no rows to check
 */
public record Criterion(String description, Result result, String observed, List<Check> checks) {

    public Criterion {
        checks = List.copyOf(checks);
    }

    /** A criterion decided without per-row checks: {@code observed} says it all. */
    public Criterion(String description, Result result, String observed) {
        this(description, result, observed, List.of());
    }

    /**
     * One row's check as {@link Builder#check} recorded it. Immutable.
     *
     * @param label   which row, e.g. {@code short-poll L=5}
     * @param figure  what it showed, e.g. {@code max 5}
     * @param outcome held, failed or had no data
     */
    public record Check(String label, String figure, Outcome outcome) {

        /** {@code label: figure}, as {@code observed} lists it without the outcome mark. */
        public String text() {
            return label + ": " + figure;
        }
    }

    /** The checks that failed, in order. */
    public List<Check> failing() {
        return checks.stream().filter(c -> c.outcome().fails()).toList();
    }

    /** The checks that lacked a figure, in order. */
    public List<Check> missing() {
        return checks.stream().filter(c -> c.outcome() == Outcome.NO_DATA).toList();
    }

    /** How a criterion came out. */
    public enum Result {
        MET("met"), NOT_MET("not met"), NO_DATA("no data");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean met() {
        return result == Result.MET;
    }

    /**
     * Collects per-row checks into one criterion: not met when a row with every figure it needs
     * fails, else no data when there were no rows or a row lacks a figure (an empty cell or an
     * absent column is never read as 0 or false), else met. Not thread-safe; build, then
     * {@link #build()}.
     */
    public static final class Builder {
        /** What a criterion without a single check observed. */
        private static final String NO_RUN = "no completed run of this kind in the sweep";
        private final String description;
        private final List<String> observed = new ArrayList<>();
        private final List<Check> checks = new ArrayList<>();
        private boolean anyFailed;
        private boolean anyMissing;

        public Builder(String description) {
            this.description = description;
        }

        /**
         * Adds one row's outcome: {@code label: figure}. {@code needed} are the figures the
         * outcome rests on; when one of them is NaN (not in the row) the row counts as no data,
         * whatever {@code passed} says.
         */
        public Builder check(String label, boolean passed, String figure, double... needed) {
            return check(label, Outcome.of(passed, needed), figure);
        }

        /** Adds one row's outcome: {@code label: figure}; {@link Outcome#NO_DATA} counts as no data. */
        public Builder check(String label, Outcome outcome, String figure) {
            anyMissing |= outcome == Outcome.NO_DATA;
            anyFailed |= outcome.fails();
            Check check = new Check(label, figure, outcome);
            checks.add(check);
            observed.add(check.text() + switch (outcome) {
                case HOLDS -> "";
                case FAILS -> " (fails)";
                case NO_DATA -> " (no data)";
            });
            return this;
        }

        public Criterion build() {
            if (checks.isEmpty()) {
                return new Criterion(description, Result.NO_DATA, NO_RUN);
            }
            Result result = anyFailed ? Result.NOT_MET : anyMissing ? Result.NO_DATA : Result.MET;
            return new Criterion(description, result, String.join("; ", observed), checks);
        }
    }
}
