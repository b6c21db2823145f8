package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Busy worker threads against {@code maxThreads} (experiments E3/E4): a warning with the time
 * spent at the limit and the executor queue's peak when the pool was saturated; otherwise the
 * peak occupancy, as a note when requests still queued for a moment. Peaks are the summary's
 * (computed from the server's own samples in the measured window), so the finding and the tables
 * can never disagree; time at the limit is counted in the finest series that has the column. With virtual threads {@code maxThreads}
 * limits nothing, so only the peak of handlers in progress is stated.
 */
public final class ThreadSaturationRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble busyMax = run.runNumber(SummaryColumns.BUSY_THREADS_MAX);
        if (busyMax.isEmpty()) {
            return List.of();
        }
        if (run.runRow().text(SummaryColumns.VIRTUAL_THREADS).filter("true"::equalsIgnoreCase).isPresent()) {
            return List.of(Finding.info("handlers in progress peaked at " + Figures.display(busyMax)
                    + " (virtual threads: maxThreads does not limit them)"));
        }
        OptionalDouble queueMax = run.runNumber(SummaryColumns.QUEUE_LENGTH_MAX);
        OptionalDouble maxThreads = run.runNumber(SummaryColumns.MAX_THREADS);
        if (!RuleText.positive(maxThreads) || busyMax.getAsDouble() < maxThreads.getAsDouble()) {
            return List.of(belowLimit(run, busyMax, maxThreads, queueMax));
        }
        double limit = maxThreads.getAsDouble();
        double seconds = Math.round(finest(run, TimeSeries.BUSY_THREADS)
                .secondsAtOrAbove(TimeSeries.BUSY_THREADS, limit));
        StringBuilder text = new StringBuilder("busy threads reached maxThreads (").append(Figures.display(limit))
                .append(')');
        if (seconds > 0) {
            text.append(" for ").append(Figures.display(seconds)).append(" s");
        }
        if (RuleText.positive(queueMax)) {
            text.append(": requests queued (executor queue peaked at ").append(Figures.display(queueMax)).append(')');
        } else if (queueMax.isPresent()) {
            text.append("; the executor queue stayed empty");
        } else {
            text.append(": further requests wait in the executor queue");
        }
        return List.of(Finding.warning(text.toString()));
    }

    private static Finding belowLimit(RunData run, OptionalDouble busyMax, OptionalDouble maxThreads,
                                      OptionalDouble queueMax) {
        String of = RuleText.positive(maxThreads) ? " of maxThreads " + Figures.display(maxThreads) : "";
        OptionalDouble mean = run.runNumber(SummaryColumns.BUSY_THREADS_MEAN);
        String text = "busy threads peaked at " + Figures.display(busyMax) + of
                + (mean.isPresent() ? " (mean " + Figures.display(mean) + ")" : "");
        if (RuleText.positive(queueMax)) {
            return Finding.note(text + "; still, requests waited in the executor queue (peak " + Figures.display(queueMax)
                    + ")");
        }
        return Finding.info(text);
    }

    /** The server's samples when they have the column (finer), else the per-second series. */
    static TimeSeries finest(RunData run, String column) {
        return run.serverSamples().has(column) ? run.serverSamples() : run.series();
    }
}
