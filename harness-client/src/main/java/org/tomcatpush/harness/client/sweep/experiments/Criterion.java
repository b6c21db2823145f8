package org.tomcatpush.harness.client.sweep.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * One explicit test of a claim against the measurement, with what was observed. Immutable.
 *
 * @param description what must hold, in words, with the numbers it compares
 * @param result      met, not met, or no data to decide
 * @param observed    the figures the decision rests on, e.g. {@code short-poll L=5: 5; long-poll L=5: 5}
 */
public record Criterion(String description, Result result, String observed) {

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
     * Collects per-row checks into one criterion: met when every row passes, no data when there
     * were no rows. Not thread-safe; build, then {@link #build()}.
     */
    public static final class Builder {
        private final String description;
        private final List<String> observed = new ArrayList<>();
        private boolean allPassed = true;
        private int checked;

        public Builder(String description) {
            this.description = description;
        }

        /** Adds one row's outcome: {@code label: figure}. */
        public Builder check(String label, boolean passed, String figure) {
            checked++;
            allPassed &= passed;
            observed.add(label + ": " + figure + (passed ? "" : " (fails)"));
            return this;
        }

        public Criterion build() {
            if (checked == 0) {
                return new Criterion(description, Result.NO_DATA, "no completed run of this kind in the sweep");
            }
            return new Criterion(description, allPassed ? Result.MET : Result.NOT_MET, String.join("; ", observed));
        }
    }
}
