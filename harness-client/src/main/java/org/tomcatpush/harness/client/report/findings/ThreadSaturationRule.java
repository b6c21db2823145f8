package org.tomcatpush.harness.client.report.findings;

import java.util.List;

import org.tomcatpush.harness.client.judge.ThreadPool;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Busy worker threads against {@code maxThreads} (experiments E3/E4), in the words of
 * {@link ThreadPool}'s judgement: a warning with the time spent at the limit and the executor
 * queue's peak when the pool was saturated; otherwise the peak occupancy, as a note when requests
 * still queued for a moment. Peaks are the summary's (computed from the server's own samples in
 * the measured window), so the finding and the tables can never disagree; time at the limit is
 * counted in the finest series that has the column. With virtual threads {@code maxThreads} limits
 * nothing, so only the peak of handlers in progress is stated.
 */
public final class ThreadSaturationRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        ThreadPool pool = ThreadPool.of(run);
        if (Double.isNaN(pool.busyMax())) {
            return List.of();
        }
        if (pool.virtual()) {
            return List.of(Finding.info("handlers in progress peaked at " + Figures.display(pool.busyMax())
                    + " (virtual threads: maxThreads does not limit them)"));
        }
        if (!pool.reachedMaxThreads().holds()) {
            return List.of(belowLimit(pool));
        }
        double limit = pool.maxThreads();
        double seconds = Math.round(finest(run, TimeSeries.BUSY_THREADS)
                .secondsAtOrAbove(TimeSeries.BUSY_THREADS, limit));
        StringBuilder text = new StringBuilder("busy threads reached maxThreads (").append(Figures.display(limit))
                .append(')');
        if (seconds > 0) {
            text.append(" for ").append(Figures.display(seconds)).append(" s");
        }
        switch (pool.queued()) {
            case HOLDS -> text.append(": requests queued (executor queue peaked at ")
                    .append(Figures.display(pool.queueMax())).append(')');
            case FAILS -> text.append("; the executor queue stayed empty");
            case NO_DATA -> text.append(": further requests wait in the executor queue");
        }
        return List.of(Finding.warning(text.toString()));
    }

    private static Finding belowLimit(ThreadPool pool) {
        String of = pool.maxThreads() > 0 ? " of maxThreads " + Figures.display(pool.maxThreads()) : "";
        String text = "busy threads peaked at " + Figures.display(pool.busyMax()) + of
                + (Double.isNaN(pool.busyMean()) ? "" : " (mean " + Figures.display(pool.busyMean()) + ")");
        if (pool.queued().holds()) {
            return Finding.note(text + "; still, requests waited in the executor queue (peak "
                    + Figures.display(pool.queueMax()) + ")");
        }
        return Finding.info(text);
    }

    /** The server's samples when they have the column (finer), else the per-second series. */
    private static TimeSeries finest(RunData run, String column) {
        return run.serverSamples().has(column) ? run.serverSamples() : run.series();
    }
}
