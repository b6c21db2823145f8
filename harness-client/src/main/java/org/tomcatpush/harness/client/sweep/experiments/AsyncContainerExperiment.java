package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E11: with Tomcat's own async API ({@code AsyncContext.start()}) the push work runs on the
 * connector's worker threads, the threads every other request needs; the harness's async handler
 * writes on threads of its own. Judged on a sweep of {@code handler: [async, async-container]}
 * over a mix of SSE streams and short-poll clients, the first completed run of each: work waiting
 * for a worker thread (the executor queue's peak, from the run's server-wide row) higher with
 * async-container; the short-poll clients served worse with it (fewer requests per second, or a
 * higher response-time p99); and no SSE message lost or duplicated in either mode. The queue, not
 * the busy threads, shows the occupation: a write handed to {@code AsyncContext.start()} takes
 * microseconds, so a busy-thread sample taken once per interval rarely catches one, while the
 * writes waiting for a free worker are counted in the queue whenever the pool is taken.
 */
public final class AsyncContainerExperiment implements Experiment {

    static final String ASYNC = "async";
    static final String CONTAINER = "async-container";

    @Override
    public String id() {
        return "E11";
    }

    @Override
    public String title() {
        return "AsyncContext.start() occupies Tomcat's worker threads";
    }

    @Override
    public String claim() {
        return "In Tomcat's own async API the task occupies the I/O thread: work started with AsyncContext.start()"
                + " runs on the connector's worker pool, so pushing to N streams that way keeps worker threads busy"
                + " and slows the other clients' requests, where an async handler writing on its own threads does"
                + " not.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        MeasuredTable.Builder table = new MeasuredTable.Builder("handler", "maxThreads", "busy threads mean",
                "busy threads max", "queue max", "short-poll requests/s", "short-poll response p50 ms",
                "short-poll response p99 ms", "sse messages received", "sse lost", "sse duplicated");
        Criterion.Builder queued = new Criterion.Builder("the push work waits for Tomcat's worker threads: the"
                + " executor queue's peak is higher with async-container than with async");
        Criterion.Builder slower = new Criterion.Builder("the short-poll clients are served worse with"
                + " async-container: requests/s lower or response-time p99 higher than with async");
        Criterion.Builder lossless = new Criterion.Builder("no SSE message lost or duplicated in either mode");
        Optional<Run> async = Run.first(sweep, ASYNC);
        Optional<Run> container = Run.first(sweep, CONTAINER);
        for (Optional<Run> run : List.of(async, container)) {
            run.ifPresent(r -> {
                table.row(r.handler(), fmt(r.server(), SummaryColumns.MAX_THREADS), fmt(r.busyMean()),
                        fmt(r.server(), SummaryColumns.BUSY_THREADS_MAX), fmt(r.server(),
                                SummaryColumns.QUEUE_LENGTH_MAX), fmt(r.pollsPerSecond()),
                        fmt(r.shortPoll(), "response_time_p50_ms"), fmt(r.pollResponseP99Ms()),
                        fmt(r.sse(), SummaryColumns.MESSAGES_RECEIVED), fmt(r.sse(), SummaryColumns.MESSAGES_LOST),
                        fmt(r.sse(), SummaryColumns.MESSAGES_DUPLICATED));
                double lost = num(r.sse(), SummaryColumns.MESSAGES_LOST);
                double duplicated = num(r.sse(), SummaryColumns.MESSAGES_DUPLICATED);
                lossless.check(r.handler(), lost == 0 && duplicated == 0, fmt(lost) + " lost, " + fmt(duplicated)
                        + " duplicated of " + fmt(r.sse(), SummaryColumns.MESSAGES_RECEIVED), lost, duplicated);
            });
        }
        if (async.isPresent() && container.isPresent()) {
            Run a = async.get();
            Run c = container.get();
            queued.check("async-container vs async", c.queueMax() > a.queueMax(), "queue peak " + fmt(c.queueMax())
                    + " vs " + fmt(a.queueMax()), c.queueMax(), a.queueMax());
            boolean fewerPolls = c.pollsPerSecond() < a.pollsPerSecond();
            boolean slowerPolls = c.pollResponseP99Ms() > a.pollResponseP99Ms();
            slower.check("async-container vs async", fewerPolls || slowerPolls, fmt(c.pollsPerSecond()) + " vs "
                    + fmt(a.pollsPerSecond()) + " requests/s, response p99 " + fmt(c.pollResponseP99Ms()) + " vs "
                    + fmt(a.pollResponseP99Ms()) + " ms", c.pollsPerSecond(), a.pollsPerSecond(),
                    c.pollResponseP99Ms(), a.pollResponseP99Ms());
        }
        List<String> notes = new ArrayList<>();
        for (String handler : List.of(ASYNC, CONTAINER)) {
            if (Run.first(sweep, handler).isEmpty()) {
                notes.add("no completed run with handler " + handler + " and both an SSE and a short-poll row");
            }
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(queued.build(), slower.build(), lossless.build()), notes);
    }

    /**
     * One run's rows: the server-wide row (the {@code all} row of a mix), the short-poll row and
     * the SSE row.
     */
    private record Run(String handler, SummaryRow server, SummaryRow shortPoll, SummaryRow sse) {

        /** The first completed run with {@code handler} that has both a short-poll and an SSE row. */
        static Optional<Run> first(SweepTable sweep, String handler) {
            List<SummaryRow> rows = sweep.completedRows().stream().filter(r -> ThreadTable.handler(r, handler))
                    .toList();
            for (SummaryRow poll : rows) {
                if (!poll.transport().equals("short-poll")) {
                    continue;
                }
                String run = poll.text("run_index").orElse("");
                Optional<SummaryRow> sse = rows.stream().filter(r -> r.transport().equals("sse"))
                        .filter(r -> r.text("run_index").orElse("").equals(run)).findFirst();
                Optional<SummaryRow> all = rows.stream().filter(SummaryRow::isAllTransports)
                        .filter(r -> r.text("run_index").orElse("").equals(run)).findFirst();
                if (sse.isPresent() && all.isPresent()) {
                    return Optional.of(new Run(handler, all.get(), poll, sse.get()));
                }
            }
            return Optional.empty();
        }

        double busyMean() {
            return num(server, SummaryColumns.BUSY_THREADS_MEAN);
        }

        double queueMax() {
            return num(server, SummaryColumns.QUEUE_LENGTH_MAX);
        }

        /** Short-poll requests per second of the measured window. */
        double pollsPerSecond() {
            return num(shortPoll, SummaryColumns.REQUESTS) / num(shortPoll, SummaryColumns.MEASURED_DURATION_S);
        }

        double pollResponseP99Ms() {
            return num(shortPoll, SummaryColumns.RESPONSE_TIME_P99_MS);
        }
    }
}
