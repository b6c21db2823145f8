package org.tomcatpush.harness.client.results;

/** How a run ended, as written in {@code run.json} and the {@code status} column of {@code summary.csv}. */
public enum RunStatus {
    /** The run lasted its full duration and every figure was collected. */
    COMPLETED("completed"),
    /** The run stopped early (server died, error): the files hold what was measured until then. */
    FAILED("failed"),
    /** The user stopped the run (Ctrl-C): the files hold what was measured until then. */
    INTERRUPTED("interrupted");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
