package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;

/** Whether a measurement supports an experiment's claim. */
public enum Support {
    /** Every criterion was met. */
    SUPPORTED("supported"),
    /** At least one criterion was not met: a finding, reported with the numbers. */
    NOT_SUPPORTED("not supported"),
    /** The sweep lacks the runs a criterion needs (missing or failed runs). */
    INCONCLUSIVE("inconclusive");

    private final String label;

    Support(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The verdict of a list of criteria: not supported when one is not met, else inconclusive when one lacks data. */
    public static Support of(List<Criterion> criteria) {
        if (criteria.isEmpty()) {
            return INCONCLUSIVE;
        }
        if (criteria.stream().anyMatch(c -> c.result() == Criterion.Result.NOT_MET)) {
            return NOT_SUPPORTED;
        }
        if (criteria.stream().anyMatch(c -> c.result() == Criterion.Result.NO_DATA)) {
            return INCONCLUSIVE;
        }
        return SUPPORTED;
    }
}
