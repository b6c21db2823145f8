package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E9: an HTTP/1.1 browser opens at most 6 connections per origin, so with {@code --browser} the
 * 7th stream of one browser waits until one of its 6 streams ends, and its first message comes
 * only then. Judged on SSE rows with {@code --browser} and a stream timeout, by the swept
 * {@code sessions-per-browser}: with more than 6 per browser exactly {@code size - 6} streams of
 * each browser wait ({@code browser_sessions_queued}), every wait lasts until a stream ended (at
 * least {@link #ENDED_FRACTION} of {@code sse_timeout_ms}, the 6 having opened a moment before the
 * 7th) and so does the longest time to first message; with at most 6 none waits and every stream
 * has its first message before any stream ends.
 */
public final class BrowserQueueExperiment implements Experiment {

    /** The cap per origin of HTTP/1.1 browsers, as the client emulates it. */
    static final int CONNECTIONS_PER_BROWSER = 6;
    /**
     * A queued stream's wait, as a fraction of the stream timeout, from which it counts as "until
     * one of the 6 ended": the 6 open a moment before the 7th (the ramp-up starts a browser's
     * sessions one after another), so its wait is the timeout less that moment; a shared machine
     * can only make it longer.
     */
    static final double ENDED_FRACTION = 0.9;
    /** The swept key the evaluator splits by. */
    static final String SESSIONS_PER_BROWSER = "sessions-per-browser";

    @Override
    public String id() {
        return "E9";
    }

    @Override
    public String title() {
        return "the 7th stream of a browser waits for a connection";
    }

    @Override
    public String claim() {
        return "HTTP/1.1 browsers allow 6 connections per origin; with --browser, the 7th stream of one browser waits"
                + " until one of the 6 ends: its time to first message.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "sse").stream()
                .filter(r -> r.text(SummaryColumns.BROWSER).map(Boolean::parseBoolean).orElse(false)).toList();
        MeasuredTable.Builder table = new MeasuredTable.Builder("sessions per browser", "sessions", "sse timeout ms",
                "streams queued", "queued expected", "queue wait min ms", "queue wait max ms",
                "first message p50 ms", "first message max ms", "first message censored");
        Criterion.Builder queued = new Criterion.Builder("with more than 6 sessions per browser, exactly the"
                + " streams beyond 6 of each browser wait for a connection (browser_sessions_queued = sessions"
                + " beyond 6 per browser)");
        Criterion.Builder waitedForAnEnd = new Criterion.Builder("each waiting stream got its connection only when"
                + " one of the 6 ended (browser_queue_wait_min_ms >= " + ENDED_FRACTION + " x sse_timeout_ms)");
        Criterion.Builder firstMessageLate = new Criterion.Builder("so its first message came that late"
                + " (first_message_max_ms >= " + ENDED_FRACTION + " x sse_timeout_ms)");
        Criterion.Builder none = new Criterion.Builder("with at most 6 sessions per browser, no stream waits and"
                + " every stream has its first message before any stream ends (browser_sessions_queued = 0,"
                + " first_message_max_ms < sse_timeout_ms)");
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            double perBrowser = SummaryRow.parse(sweep.sweptValue(r, SESSIONS_PER_BROWSER).orElse(""))
                    .orElse(Double.NaN);
            double sessions = num(r, SummaryColumns.SESSIONS);
            double timeoutMs = num(r, SummaryColumns.SSE_TIMEOUT_MS);
            double streamsQueued = num(r, "browser_sessions_queued");
            double waitMin = num(r, "browser_queue_wait_min_ms");
            double firstMax = num(r, "first_message_max_ms");
            double expected = expectedQueued(sessions, perBrowser);
            String label = fmt(perBrowser) + " per browser";
            table.row(fmt(perBrowser), fmt(sessions), fmt(timeoutMs), fmt(streamsQueued), fmt(expected), fmt(waitMin),
                    fmt(r, "browser_queue_wait_max_ms"), fmt(r, "first_message_p50_ms"), fmt(firstMax),
                    fmt(r, "first_message_censored"));
            if (!(timeoutMs > 0)) {
                notes.add(label + ": left out, it has no stream timeout (sse_timeout_ms " + fmt(timeoutMs)
                        + "), so no stream ends to free a connection");
                continue;
            }
            double endedMs = ENDED_FRACTION * timeoutMs;
            if (perBrowser > CONNECTIONS_PER_BROWSER) {
                queued.check(label, streamsQueued == expected, fmt(streamsQueued) + " queued, " + fmt(expected)
                        + " expected", streamsQueued, expected);
                // a queued stream stopped before it got a connection leaves no wait: the cell is empty
                waitedForAnEnd.check(label, waitMin >= endedMs, "shortest wait " + fmt(waitMin) + " ms, timeout "
                        + fmt(timeoutMs) + " ms", waitMin);
                firstMessageLate.check(label, firstMax >= endedMs, "longest " + fmt(firstMax) + " ms, timeout "
                        + fmt(timeoutMs) + " ms", firstMax);
            } else if (perBrowser >= 1) {
                none.check(label, streamsQueued == 0 && firstMax < timeoutMs, fmt(streamsQueued) + " queued, first"
                        + " message at most " + fmt(firstMax) + " ms, timeout " + fmt(timeoutMs) + " ms", streamsQueued,
                        firstMax);
            }
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(queued.build(), waitedForAnEnd.build(),
                firstMessageLate.build(), none.build()), notes);
    }

    /**
     * Streams beyond 6 in each browser: {@code sessions} fill browsers of {@code perBrowser} in
     * order, the last one possibly smaller; NaN when either is unknown.
     */
    static double expectedQueued(double sessions, double perBrowser) {
        if (!(sessions >= 0) || !(perBrowser >= 1)) {
            return Double.NaN;
        }
        long full = (long) sessions / (long) perBrowser;
        long last = (long) sessions % (long) perBrowser;
        return full * Math.max(0, (long) perBrowser - CONNECTIONS_PER_BROWSER)
                + Math.max(0, last - CONNECTIONS_PER_BROWSER);
    }
}
