package org.tomcatpush.harness.client.report.sweep;

/**
 * Names of the columns a sweep adds in front of the {@code summary.csv} columns in
 * {@code sweep.csv}: the run's index, one {@code swept.<key>} column per swept key (in scenario
 * order), the run's status and failure, where its folder is, how long it took and how many
 * attempts it needed. The summary
 * columns follow under their own names ({@code status} only once, here).
 */
public final class SweepColumns {

    /** The file name inside a sweep folder. */
    public static final String FILE_NAME = "sweep.csv";

    /** 1-based position of the run in the sweep; rows of one run share it. */
    public static final String RUN_INDEX = "run_index";
    /** Prefix of the swept-value columns: {@code swept.max-threads}. */
    public static final String SWEPT_PREFIX = "swept.";
    /** {@code completed}, {@code thresholds-breached}, {@code failed}, {@code interrupted} or {@code not-run}. */
    public static final String STATUS = "status";
    /** Why the run did not complete; empty when it did. */
    public static final String FAILURE = "failure";
    /** The run's folder, relative to the sweep folder; empty when the run left none. */
    public static final String RUN_FOLDER = "run_folder";
    /** Wall-clock seconds the run took, server start and stop included (both attempts when retried). */
    public static final String RUN_WALL_S = "run_wall_s";
    /** How many times the run was started: 2 when it failed before its load started and was tried again. */
    public static final String ATTEMPTS = "attempts";

    /** Status of a run the sweep never started (it was stopped first). */
    public static final String STATUS_NOT_RUN = "not-run";
    /** Status of a run that completed. */
    public static final String STATUS_COMPLETED = "completed";
    /** Status of a run that completed but breached a threshold: its figures are complete. */
    public static final String STATUS_THRESHOLDS_BREACHED = "thresholds-breached";
    /** Status of a run that failed. */
    public static final String STATUS_FAILED = "failed";

    private SweepColumns() {
    }

    /** The column holding the swept value of {@code key}. */
    public static String swept(String key) {
        return SWEPT_PREFIX + key;
    }
}
