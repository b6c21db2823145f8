package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;

/**
 * Whether a measurement supports an experiment's claim. Evaluators never guess: a figure or a run
 * that is missing makes a verdict inconclusive, never "not supported".
 */
public enum Support {
    /** Every criterion was met, and the criteria cover the whole claim. */
    SUPPORTED("supported"),
    /** At least one criterion was not met on figures that were measured: a finding, reported with the numbers. */
    NOT_SUPPORTED("not supported"),
    /** The sweep lacks the runs or figures a criterion needs (missing or failed runs, empty cells, absent columns). */
    INCONCLUSIVE("inconclusive"),
    /** Every criterion judged was met, but part of the claim has no criterion; the verdict names that part. */
    PARTLY_JUDGED("partly judged");

    private final String label;

    Support(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The verdict of a list of criteria: not supported when one is not met, else inconclusive when one lacks data. */
    public static Support of(List<Criterion> criteria) {
        return of(criteria, List.of());
    }

    /**
     * As {@link #of(List)} for a claim of which the parts {@code unjudged} have no criterion: a
     * claim whose judged parts all hold is then only partly judged.
     */
    public static Support of(List<Criterion> criteria, List<String> unjudged) {
        if (criteria.isEmpty()) {
            return INCONCLUSIVE;
        }
        if (criteria.stream().anyMatch(c -> c.result() == Criterion.Result.NOT_MET)) {
            return NOT_SUPPORTED;
        }
        if (criteria.stream().anyMatch(c -> c.result() == Criterion.Result.NO_DATA)) {
            return INCONCLUSIVE;
        }
        return unjudged.isEmpty() ? SUPPORTED : PARTLY_JUDGED;
    }
}
