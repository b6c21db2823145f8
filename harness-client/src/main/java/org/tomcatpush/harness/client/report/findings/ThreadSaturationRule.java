package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.Figures;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.TimeSeries;

/**
 * Busy worker threads against {@code maxThreads} (experiments E3/E4): a warning with the time
 * spent at the limit and the executor queue's peak when the pool was saturated, otherwise the
 * peak occupancy as a headline figure. With virtual threads {@code maxThreads} limits nothing,
 * so only the peak of handlers in progress is stated.
 */
public final class ThreadSaturationRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        TimeSeries series = run.series();
        OptionalDouble busyMax = RuleText.larger(series.max(TimeSeries.BUSY_THREADS),
                run.runNumber(SummaryColumns.BUSY_THREADS_MAX));
        if (busyMax.isEmpty()) {
            return List.of();
        }
        if (run.runRow().text(SummaryColumns.VIRTUAL_THREADS).filter("true"::equalsIgnoreCase).isPresent()) {
            return List.of(Finding.info("handlers in progress peaked at " + Figures.format(busyMax)
                    + " (virtual threads: maxThreads does not limit them)"));
        }
        OptionalDouble maxThreads = run.runNumber(SummaryColumns.MAX_THREADS);
        if (!RuleText.positive(maxThreads) || busyMax.getAsDouble() < maxThreads.getAsDouble()) {
            String of = RuleText.positive(maxThreads) ? " of maxThreads " + Figures.format(maxThreads) : "";
            OptionalDouble mean = run.runNumber(SummaryColumns.BUSY_THREADS_MEAN);
            String meanText = mean.isPresent() ? " (mean " + Figures.format(mean) + ")" : "";
            return List.of(Finding.info("busy threads peaked at " + Figures.format(busyMax) + of + meanText));
        }
        double limit = maxThreads.getAsDouble();
        double seconds = Math.round(series.secondsAtOrAbove(TimeSeries.BUSY_THREADS, limit));
        StringBuilder text = new StringBuilder("busy threads reached maxThreads (").append(Figures.format(limit))
                .append(')');
        if (seconds > 0) {
            text.append(" for ").append(Figures.format(seconds)).append(" s");
        }
        OptionalDouble queueMax = RuleText.larger(series.max(TimeSeries.QUEUE_LENGTH),
                run.runNumber(SummaryColumns.QUEUE_LENGTH_MAX));
        if (RuleText.positive(queueMax)) {
            text.append(": requests queued (executor queue peaked at ").append(Figures.format(queueMax)).append(')');
        } else if (queueMax.isPresent()) {
            text.append("; the executor queue stayed empty");
        } else {
            text.append(": further requests wait in the executor queue");
        }
        return List.of(Finding.warning(text.toString()));
    }
}
