package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.ThreadPool;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E4: a blocking SSE or long-poll handler holds one worker thread per open session; past
 * {@code maxThreads} new requests wait in the executor queue. Judged on blocking rows of the
 * long-lived transports with more sessions than threads: busy threads reach {@code maxThreads}
 * and the queue is not empty. Neither "their latency grows" nor the virtual-thread half of the
 * claim (it needs a Java 21+ server) is judged, so the verdict is at best <em>partly judged</em>.
 * WebSocket rows are shown beside them but not judged: the claim is about SSE and long polling.
 * The conditions are {@link ThreadPool}'s, shared with E3 and the report's thread finding.
 */
public final class BlockingThreadsExperiment implements Experiment {

    /** The part of the claim about latency, which no criterion judges yet. */
    static final String UNJUDGED_LATENCY = "\"their latency grows\" with the sessions waiting is not judged: a"
            + " session still waiting for a thread records no delivery latency at all (compare sessions open at"
            + " most with sessions), and time to first message is not in the sweep's figures";
    /** The virtual-thread half of the claim, which this sweep does not run. */
    static final String UNJUDGED_VIRTUAL_THREADS = "\"virtual threads remove that limit\" is not judged: the sweep"
            + " has no virtual-thread run (it needs --server-java with a Java 21+ runtime)";

    @Override
    public String id() {
        return "E4";
    }

    @Override
    public String title() {
        return "blocking handlers hold a thread per session";
    }

    @Override
    public String claim() {
        return "A blocking (non-async) SSE or long-poll handler holds one worker thread per open session; past"
                + " maxThreads new requests wait in the executor queue and their latency grows. Virtual threads"
                + " (Java 21+) remove that limit.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "long-poll", "sse").stream()
                .filter(r -> ThreadTable.handler(r, "blocking"))
                .filter(r -> ThreadPool.of(r).moreSessionsThanThreads()).toList();
        Criterion.Builder saturated = new Criterion.Builder("with more sessions than threads, busy threads reach"
                + " maxThreads");
        Criterion.Builder queued = new Criterion.Builder("and further requests wait in the executor queue"
                + " (queue peak > 0)");
        for (SummaryRow r : rows) {
            ThreadPool pool = ThreadPool.of(r);
            saturated.check(r.transport(), pool.reachedMaxThreads(), "peak " + fmt(pool.busyMax()) + " of maxThreads "
                    + fmt(pool.maxThreads()));
            queued.check(r.transport(), pool.queued(), "queue peak " + fmt(pool.queueMax()));
        }
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            Rows.completed(sweep, r.transport()).stream().filter(a -> ThreadTable.handler(a, "async")).findFirst()
                    .ifPresent(a -> notes.add(r.transport() + ": delivery latency p99 " + fmt(r,
                            SummaryColumns.LATENCY_P99_MS) + " ms blocking vs " + fmt(a, SummaryColumns.LATENCY_P99_MS)
                            + " ms async; sessions open at most " + fmt(r, "sessions_open_max") + " blocking vs "
                            + fmt(a, "sessions_open_max") + " async, of " + fmt(r, SummaryColumns.SESSIONS)));
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        List<SummaryRow> all = Rows.completed(sweep, ThreadTable.LONG_LIVED).stream()
                .filter(r -> ThreadTable.handler(r, "blocking")).toList();
        return Verdict.partly(this, ThreadTable.of(all), List.of(saturated.build(), queued.build()), notes,
                List.of(UNJUDGED_LATENCY, UNJUDGED_VIRTUAL_THREADS));
    }
}
