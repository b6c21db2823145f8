package org.tomcatpush.harness.client.sweep;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.report.sweep.SweepColumns;

/**
 * What one run of a sweep left: its status and failure cause, its folder (relative to the sweep
 * folder, empty when the run left none), how long it took, and the rows of its
 * {@code summary.csv} as written. Immutable.
 *
 * @param combination the run
 * @param status      {@code completed}, {@code thresholds-breached}, {@code failed}, {@code interrupted} or
 *                    {@code not-run}
 * @param failure     why it did not complete; empty when it did
 * @param runFolder   the run's folder name inside the sweep folder, or empty
 * @param wall        wall-clock time of the run, server start and stop included
 * @param summaryRows the rows of the run's summary.csv (column to cell), empty when it wrote none
 * @param attempts    how many times the run was started (a run that failed before its load
 *                    started is tried once more)
 * @param loadStarted whether the run got as far as starting its load (a run that left no folder
 *                    counts as started: nothing suggests trying it again)
 */
public record RunRecord(Combination combination, String status, String failure, String runFolder, Duration wall,
        List<Map<String, String>> summaryRows, int attempts, boolean loadStarted) {

    public RunRecord {
        summaryRows = summaryRows.stream().map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r))).toList();
    }

    /** A run the sweep never started because it was stopped first. */
    public static RunRecord notRun(Combination c) {
        return new RunRecord(c, SweepColumns.STATUS_NOT_RUN, "the sweep was stopped before this run", "",
                Duration.ZERO, List.of(), 0, false);
    }

    /** A run the sweep did not start because this machine cannot run it, with the reason. */
    public static RunRecord notRun(Combination c, String reason) {
        return new RunRecord(c, SweepColumns.STATUS_NOT_RUN, reason, "", Duration.ZERO, List.of(), 0, false);
    }

    /** A failed run whose server never got as far as the load: worth one more try. */
    public boolean failedBeforeLoad() {
        return SweepColumns.STATUS_FAILED.equals(status) && !loadStarted && !runFolder.isEmpty();
    }

    /** This record as the second attempt of a run whose first attempt took {@code firstWall}. */
    public RunRecord afterRetry(Duration firstWall) {
        return new RunRecord(combination, status, failure, runFolder, wall.plus(firstWall), summaryRows,
                attempts + 1, loadStarted);
    }

    public boolean completed() {
        return SweepColumns.STATUS_COMPLETED.equals(status);
    }

    /** The run completed but breached a threshold: its figures are complete. */
    public boolean thresholdsBreached() {
        return SweepColumns.STATUS_THRESHOLDS_BREACHED.equals(status);
    }
}
