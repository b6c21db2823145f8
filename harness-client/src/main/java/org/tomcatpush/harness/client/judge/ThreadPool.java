package org.tomcatpush.harness.client.judge;

import java.util.OptionalDouble;
import java.util.function.Function;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Worker threads against {@code maxThreads} and the executor queue: the one place where
 * experiments E3 and E4 and the report's thread finding judge the pool. Every figure is NaN when
 * its cell is absent, and a condition resting on it is {@link Outcome#NO_DATA}. With virtual
 * threads {@code maxThreads} limits nothing, and {@code busyMax} counts handlers in progress.
 * Immutable.
 */
public record ThreadPool(double maxThreads, double busyMax, double busyMean, double queueMax, double sessions,
        double serverConnectionsMax, boolean virtual) {

    /** The figures of one row (a sweep's run). */
    public static ThreadPool of(SummaryRow row) {
        return of(row::number, row);
    }

    /** The run-level figures of {@code run}: the server's, from its {@code all} row or the first row that has them. */
    public static ThreadPool of(RunData run) {
        return of(run::runNumber, run.runRow());
    }

    private static ThreadPool of(Function<String, OptionalDouble> number, SummaryRow settings) {
        return new ThreadPool(number.apply(SummaryColumns.MAX_THREADS).orElse(Double.NaN),
                number.apply(SummaryColumns.BUSY_THREADS_MAX).orElse(Double.NaN),
                number.apply(SummaryColumns.BUSY_THREADS_MEAN).orElse(Double.NaN),
                number.apply(SummaryColumns.QUEUE_LENGTH_MAX).orElse(Double.NaN),
                number.apply(SummaryColumns.SESSIONS).orElse(Double.NaN),
                number.apply(SummaryColumns.SERVER_CONNECTIONS_MAX).orElse(Double.NaN),
                settings.text(SummaryColumns.VIRTUAL_THREADS).filter("true"::equalsIgnoreCase).isPresent());
    }

    /** More sessions than threads (false when either is unknown). */
    public boolean moreSessionsThanThreads() {
        return sessions > maxThreads;
    }

    /** Busy threads reached a positive {@code maxThreads}. */
    public Outcome reachedMaxThreads() {
        return Outcome.of(maxThreads > 0 && busyMax >= maxThreads, busyMax, maxThreads);
    }

    /** Requests waited in the executor queue: its peak above zero. */
    public Outcome queued() {
        return Outcome.of(queueMax > 0, queueMax);
    }

    /** Every session holds a connection: the server's connections peak at least at the sessions. */
    public Outcome everySessionHoldsAConnection() {
        return Outcome.of(serverConnectionsMax >= sessions, serverConnectionsMax, sessions);
    }

    /** Idle sessions hold no worker thread: the mean of the busy-thread samples at most 1. */
    public Outcome idleSessionsHoldNoThread() {
        return Outcome.of(busyMean <= 1, busyMean);
    }
}
