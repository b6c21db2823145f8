package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tomcatpush.harness.client.judge.ThreadPool;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E4: a blocking SSE or long-poll handler holds one worker thread per open session; past
 * {@code maxThreads} new requests wait in the executor queue and their time to first message
 * grows with the sessions waiting; on virtual threads that limit is gone. Judged on blocking rows
 * of the two transports, split by thread kind ({@code virtual_threads}):
 * <ul>
 * <li>platform threads, more sessions than threads: busy threads reach {@code maxThreads} and
 * the queue is not empty ({@link ThreadPool}'s conditions, shared with E3 and the report);</li>
 * <li>platform threads, per transport in order of sessions from the largest run at or below
 * {@code maxThreads}: each step up raises the slowest sessions' time to first message (p99) or
 * leaves more sessions still waiting at the stop ({@code first_message_censored}: a censored
 * session is waiting, counted at its wait until the stop, never as 0), and from that run to the
 * largest the p99 rises by at least one publish interval (the waiting sessions missed a message)
 * or some session is still waiting;</li>
 * <li>virtual threads, more sessions than {@code maxThreads}: more handlers run at once than
 * {@code maxThreads} and no session is still waiting at the stop. Time to first message is shown
 * beside the platform run of the same size but not bounded: on two shared cores a cold server's
 * first second is too noisy for a fixed limit.</li>
 * </ul>
 * Without virtual-thread runs (no Java 21+ to run them on) that criterion has no data and the
 * verdict is inconclusive, never supported.
 */
public final class BlockingThreadsExperiment implements Experiment {

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
                + " maxThreads new requests wait in the executor queue and their latency (time to first message)"
                + " grows with the sessions waiting. Virtual threads (Java 21+) remove that limit.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "long-poll", "sse").stream()
                .filter(r -> ThreadTable.handler(r, "blocking"))
                .sorted(Comparator.comparing(SummaryRow::transport)
                        .thenComparing(r -> ThreadPool.of(r).virtual())
                        .thenComparingDouble(r -> num(r, SummaryColumns.SESSIONS))).toList();
        List<SummaryRow> platform = rows.stream().filter(r -> !ThreadPool.of(r).virtual()).toList();
        List<SummaryRow> virtual = rows.stream().filter(r -> ThreadPool.of(r).virtual()).toList();

        Criterion.Builder saturated = new Criterion.Builder("on platform threads with more sessions than threads,"
                + " busy threads reach maxThreads");
        Criterion.Builder queued = new Criterion.Builder("and further requests wait in the executor queue"
                + " (queue peak > 0)");
        for (SummaryRow r : platform) {
            ThreadPool pool = ThreadPool.of(r);
            if (pool.moreSessionsThanThreads()) {
                String label = r.transport() + " " + fmt(pool.sessions()) + " sessions";
                saturated.check(label, pool.reachedMaxThreads(), "peak " + fmt(pool.busyMax()) + " of maxThreads "
                        + fmt(pool.maxThreads()));
                queued.check(label, pool.queued(), "queue peak " + fmt(pool.queueMax()));
            }
        }
        Criterion.Builder grows = new Criterion.Builder("past maxThreads, time to first message grows with the"
                + " sessions waiting: each step up in sessions raises its p99 or the sessions still waiting at the"
                + " stop (censored), and from the run at or below maxThreads to the largest the p99 rises by at"
                + " least one publish interval or sessions are left waiting");
        for (String transport : List.of("long-poll", "sse")) {
            List<SummaryRow> ofTransport = platform.stream().filter(r -> r.transport().equals(transport)).toList();
            if (ofTransport.stream().anyMatch(r -> ThreadPool.of(r).moreSessionsThanThreads())) {
                checkGrowth(grows, transport, ofTransport);
            }
        }
        Criterion.Builder unlimited = new Criterion.Builder("on virtual threads past maxThreads that limit is gone:"
                + " more requests run at once than maxThreads (busy peak, counted as handlers in progress, above it)"
                + " and no session is left waiting for its first message (censored 0)");
        for (SummaryRow r : virtual) {
            ThreadPool pool = ThreadPool.of(r);
            if (pool.moreSessionsThanThreads()) {
                double censored = num(r, SummaryColumns.FIRST_MESSAGE_CENSORED);
                unlimited.check(r.transport() + " " + fmt(pool.sessions()) + " sessions", pool.busyMax()
                        > pool.maxThreads() && censored == 0, "peak " + fmt(pool.busyMax()) + " of maxThreads "
                                + fmt(pool.maxThreads()) + ", " + fmt(censored) + " waiting", pool.busyMax(),
                        pool.maxThreads(), censored);
            }
        }
        List<String> notes = new ArrayList<>();
        for (SummaryRow v : virtual) {
            platform.stream().filter(p -> p.transport().equals(v.transport())
                    && num(p, SummaryColumns.SESSIONS) == num(v, SummaryColumns.SESSIONS)).findFirst()
                    .ifPresent(p -> notes.add(v.transport() + " " + fmt(v, SummaryColumns.SESSIONS) + " sessions:"
                            + " time to first message p99 " + firstMessage(p) + " on platform threads vs "
                            + firstMessage(v) + " on virtual threads"));
        }
        if (virtual.isEmpty()) {
            notes.add("no virtual-thread run completed, so \"virtual threads remove that limit\" has no data: it needs"
                    + " a Java 21+ server (server-java: newest finds the newest under /usr/lib/jvm)");
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table(rows), List.of(saturated.build(), queued.build(), grows.build(),
                unlimited.build()), notes);
    }

    /** Adds {@code transport}'s growth check: its platform rows are in order of sessions. */
    private static void checkGrowth(Criterion.Builder grows, String transport, List<SummaryRow> rows) {
        List<SummaryRow> below = rows.stream().filter(r -> !ThreadPool.of(r).moreSessionsThanThreads()).toList();
        List<SummaryRow> past = rows.stream().filter(r -> ThreadPool.of(r).moreSessionsThanThreads()).toList();
        if (below.isEmpty()) {
            grows.check(transport, false, "no run at or below maxThreads to grow from", Double.NaN);
            return;
        }
        SummaryRow base = below.get(below.size() - 1);
        SummaryRow previous = base;
        boolean everyStepRises = true;
        List<String> steps = new ArrayList<>();
        List<Double> needed = new ArrayList<>();
        for (SummaryRow r : past) {
            double p99 = num(r, SummaryColumns.FIRST_MESSAGE_P99_MS);
            double censored = num(r, SummaryColumns.FIRST_MESSAGE_CENSORED);
            double previousP99 = num(previous, SummaryColumns.FIRST_MESSAGE_P99_MS);
            double previousCensored = num(previous, SummaryColumns.FIRST_MESSAGE_CENSORED);
            everyStepRises &= p99 > previousP99 || censored > previousCensored;
            steps.add(fmt(previous, SummaryColumns.SESSIONS) + " -> " + fmt(r, SummaryColumns.SESSIONS)
                    + " sessions: p99 " + fmt(previousP99) + " -> " + fmt(p99) + " ms, waiting "
                    + fmt(previousCensored) + " -> " + fmt(censored));
            needed.addAll(List.of(p99, censored, previousP99, previousCensored));
            previous = r;
        }
        double rise = num(previous, SummaryColumns.FIRST_MESSAGE_P99_MS) - num(base, SummaryColumns.FIRST_MESSAGE_P99_MS);
        double interval = publishIntervalMs(base);
        boolean risesEnough = rise >= interval || num(previous, SummaryColumns.FIRST_MESSAGE_CENSORED) > 0;
        needed.addAll(List.of(rise, interval));
        grows.check(transport, everyStepRises && risesEnough, String.join(", ", steps) + " (p99 up " + fmt(rise)
                + " ms, publish interval " + fmt(interval) + " ms)", needed.stream().mapToDouble(d -> d).toArray());
    }

    /** The time between two published messages, ms; NaN when the rate is unknown or 0. */
    private static double publishIntervalMs(SummaryRow r) {
        double rate = num(r, SummaryColumns.PUBLISH_RATE);
        return rate > 0 ? 1000 / rate : Double.NaN;
    }

    private static String firstMessage(SummaryRow r) {
        return fmt(r, SummaryColumns.FIRST_MESSAGE_P99_MS) + " ms (" + fmt(r, SummaryColumns.FIRST_MESSAGE_CENSORED)
                + " still waiting at the stop)";
    }

    private static MeasuredTable table(List<SummaryRow> rows) {
        MeasuredTable.Builder table = new MeasuredTable.Builder("transport", "threads", "sessions", "maxThreads",
                "sessions open max", "busy threads max", "queue max", "first message p50 ms", "first message p99 ms",
                "first message max ms", "still waiting at the stop", "latency p99 ms");
        for (SummaryRow r : rows) {
            ThreadPool pool = ThreadPool.of(r);
            table.row(r.transport(), pool.virtual() ? "virtual" : "platform", fmt(pool.sessions()),
                    fmt(pool.maxThreads()), fmt(r, "sessions_open_max"), fmt(pool.busyMax()), fmt(pool.queueMax()),
                    fmt(r, SummaryColumns.FIRST_MESSAGE_P50_MS), fmt(r, SummaryColumns.FIRST_MESSAGE_P99_MS),
                    fmt(r, SummaryColumns.FIRST_MESSAGE_MAX_MS), fmt(r, SummaryColumns.FIRST_MESSAGE_CENSORED),
                    fmt(r, SummaryColumns.LATENCY_P99_MS));
        }
        return table.build();
    }
}
