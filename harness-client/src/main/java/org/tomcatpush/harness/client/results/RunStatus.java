package org.tomcatpush.harness.client.results;

/** How a run ended, as written in {@code run.json} and the {@code status} column of {@code summary.csv}. */
public enum RunStatus {
    /** The run lasted its full duration and every figure was collected. */
    COMPLETED("completed"),
    /** The run stopped early (server died, error): the files hold what was measured until then. */
    FAILED("failed"),
    /** The user stopped the run (Ctrl-C): the files hold what was measured until then. */
    INTERRUPTED("interrupted"),
    /**
     * The run lasted its full duration and every figure was collected, but at least one
     * {@code --threshold} was breached: the data is as complete as a completed run's.
     */
    THRESHOLDS_BREACHED("thresholds-breached");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the run's figures cover its full duration (completed, or completed with a breach). */
    public boolean dataComplete() {
        return this == COMPLETED || this == THRESHOLDS_BREACHED;
    }

    /** Whether a status label as written in the files (e.g. in sweep.csv) means complete data. */
    public static boolean dataComplete(String label) {
        for (RunStatus status : values()) {
            if (status.label.equals(label)) {
                return status.dataComplete();
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return label;
    }
}
