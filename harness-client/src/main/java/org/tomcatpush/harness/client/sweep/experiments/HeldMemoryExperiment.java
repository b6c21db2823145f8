package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tomcatpush.harness.client.judge.Outcome;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.results.CapacityFigures;

/**
 * E12: does holding a long-poll session cost the server about as much memory as holding a
 * WebSocket? Judged per handler mode on single-transport rows from the held-memory figures
 * ({@link CapacityFigures#heldHeapMbPer1k()} and {@link CapacityFigures#heldRssMbPer1k()}): long
 * polling costs "about as much" when both its live heap and its RSS growth per 1,000 held
 * sessions are at most {@link #FACTOR} times WebSocket's. A row whose reading did not see every
 * session held makes the verdict inconclusive: the client had fewer sessions open at the reading
 * ({@code server_heap_sessions_held < sessions}), the server never had them all connected
 * ({@code server_connections_max < sessions}), or the server never answered some of them
 * ({@code sessions_opened < sessions}: a poll session counts as open at the client from its start,
 * even while its connect waits in the accept queue or its request waits for a worker thread, where
 * it costs the server less than a session in a handler). So does a WebSocket figure at or below 0
 * (the noise larger than the cost: no ratio to take).
 *
 * <p>What the figures see: the heap one is the live heap after a full collection (garbage
 * excluded) with the sessions held, minus the same on the idle server: the request, async
 * context or WebSocket session objects, their buffers on the heap, the hub's cursors. It cannot
 * see thread stacks (a blocking handler's thread per session lives outside the heap), direct
 * buffers or the kernel's socket buffers. The RSS one is the process's resident memory at the
 * same two readings: it sees the stacks and native memory, and heap the JVM committed (garbage and
 * free regions included, so it depends on how the collector sized the heap); the kernel's socket
 * buffers are in no process's RSS. The sampled peaks ({@code server_heap_mb_max}, garbage
 * included, and {@code server_rss_mb_max}, the idle server included) are shown, not judged.
 */
public final class HeldMemoryExperiment implements Experiment {

    /** "Much more" than WebSocket, as the claim reads it: more than this many times. */
    static final double FACTOR = 2.0;
    /** Handler modes judged, each on its own. */
    private static final List<String> MODES = List.of("async", "blocking");

    @Override
    public String id() {
        return "E12";
    }

    @Override
    public String title() {
        return "memory of a held long poll against a held WebSocket";
    }

    @Override
    public String claim() {
        return "Holding a long-poll connection can't cost much more than holding a WebSocket, can it? Server heap and"
                + " RSS per 1,000 held sessions for long polling, SSE and WebSocket, async and blocking, at 5,000"
                + " sessions. Read as: in each handler mode, the live heap and the RSS growth per 1,000 held"
                + " long-poll sessions are at most " + fmt(FACTOR) + " x WebSocket's.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, ThreadTable.LONG_LIVED);
        MeasuredTable.Builder table = new MeasuredTable.Builder("transport", "handler", "sessions", "sessions held",
                "server connections max", "sessions answered",
                "heap MiB per 1k held", "RSS growth MiB per 1k held", "heap peak MiB", "RSS peak MiB",
                "busy threads max");
        Criterion.Builder held = new Criterion.Builder("every session was held when the memory was read"
                + " (server_heap_sessions_held = sessions, server_connections_max >= sessions and every session"
                + " answered, sessions_opened = sessions; fewer makes the verdict inconclusive)");
        for (SummaryRow r : rows) {
            CapacityFigures f = CapacityFigures.of(r.cells());
            double sessions = num(r, SummaryColumns.SESSIONS);
            double sessionsHeld = num(r, "server_heap_sessions_held");
            double serverConnections = num(r, "server_connections_max");
            double answered = num(r, "sessions_opened");
            table.row(r.transport(), r.text(SummaryColumns.HANDLER).orElse("n/a"), fmt(sessions), fmt(sessionsHeld),
                    fmt(serverConnections), fmt(answered),
                    fmt(f.heldHeapMbPer1k()), fmt(f.heldRssMbPer1k()), fmt(r, CapacityFigures.SERVER_HEAP_MB_MAX),
                    fmt(r, CapacityFigures.SERVER_RSS_MB_MAX), fmt(r, "busy_threads_max"));
            Outcome allHeld = Outcome.of(sessionsHeld >= sessions && serverConnections >= sessions
                    && answered >= sessions, sessions, sessionsHeld, serverConnections, answered);
            held.check(label(r), allHeld == Outcome.FAILS ? Outcome.NO_DATA : allHeld, fmt(sessionsHeld) + " of "
                    + fmt(sessions) + " held, server connections max " + fmt(serverConnections) + ", "
                    + fmt(answered) + " answered");
        }
        Criterion.Builder heap = new Criterion.Builder("long polling's live heap per 1,000 held sessions is at most "
                + fmt(FACTOR) + " x WebSocket's, in each handler mode");
        Criterion.Builder rss = new Criterion.Builder("long polling's RSS growth per 1,000 held sessions is at most "
                + fmt(FACTOR) + " x WebSocket's, in each handler mode");
        List<String> notes = new ArrayList<>();
        for (String mode : MODES) {
            Optional<CapacityFigures> longPoll = figures(rows, "long-poll", mode);
            Optional<CapacityFigures> ws = figures(rows, "ws", mode);
            if (longPoll.isEmpty() || ws.isEmpty()) {
                String missing = (longPoll.isEmpty() ? "no completed long-poll run" : "no completed ws run");
                heap.check(mode, Outcome.NO_DATA, missing);
                rss.check(mode, Outcome.NO_DATA, missing);
                continue;
            }
            compare(heap, mode, longPoll.get().heldHeapMbPer1k(), ws.get().heldHeapMbPer1k());
            compare(rss, mode, longPoll.get().heldRssMbPer1k(), ws.get().heldRssMbPer1k());
            figures(rows, "sse", mode).ifPresent(sse -> notes.add(mode + ": SSE holds " + fmt(sse.heldHeapMbPer1k())
                    + " MiB of heap and grows RSS by " + fmt(sse.heldRssMbPer1k()) + " MiB per 1,000, against"
                    + " WebSocket's " + fmt(ws.get().heldHeapMbPer1k()) + " and " + fmt(ws.get().heldRssMbPer1k())));
        }
        notes.add("the heap figure is the live heap after a full collection, the idle server's subtracted: it cannot"
                + " see thread stacks (a blocking handler's thread per session), direct or kernel socket buffers;"
                + " the RSS growth sees stacks and native memory, and heap committed whether live or not");
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(held.build(), heap.build(), rss.build()), notes);
    }

    /** Long poll against WebSocket in one mode; a WebSocket figure at or below 0 gives no ratio. */
    private static void compare(Criterion.Builder criterion, String mode, double longPoll, double ws) {
        double ratio = longPoll / ws;
        String figure = "long-poll " + fmt(longPoll) + " vs ws " + fmt(ws) + " MiB"
                + (ws > 0 ? ", x" + fmt(ratio) : ", ws not above 0 (noise larger than the cost)");
        criterion.check(mode, ws > 0 ? Outcome.of(longPoll <= FACTOR * ws, longPoll, ws) : Outcome.NO_DATA, figure);
    }

    private static Optional<CapacityFigures> figures(List<SummaryRow> rows, String transport, String mode) {
        return rows.stream().filter(r -> r.transport().equals(transport)).filter(r -> ThreadTable.handler(r, mode))
                .findFirst().map(r -> CapacityFigures.of(r.cells()));
    }

    private static String label(SummaryRow r) {
        return r.transport() + " " + r.text(SummaryColumns.HANDLER).orElse("?");
    }
}
