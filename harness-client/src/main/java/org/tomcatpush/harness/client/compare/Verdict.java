package org.tomcatpush.harness.client.compare;

/** The outcome of comparing one metric of one run with its baseline. */
public enum Verdict {
    /** Within the tolerance. */
    OK("ok", false),
    /** Moved beyond the allowance in the good direction (not a failure; maybe refresh the baseline). */
    IMPROVED("improved", false),
    /** Moved beyond the allowance in the bad direction, or an exact metric changed. */
    REGRESSION("REGRESSION", true),
    /** The baseline has a value and the current run has none. */
    MISSING("MISSING", true),
    /** No baseline value to compare with (both empty, or only the current run has one). */
    NOT_AVAILABLE("n/a", false);

    private final String label;
    private final boolean failure;

    Verdict(String label, boolean failure) {
        this.label = label;
        this.failure = failure;
    }

    /** As printed in the tables. */
    public String label() {
        return label;
    }

    /** True for the verdicts that fail the comparison. */
    public boolean failure() {
        return failure;
    }
}
