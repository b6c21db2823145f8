package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E3: with async handlers, long polling, SSE and WebSocket each hold a connection but no worker
 * thread while idle. Judged on async rows of the long-lived transports: server connections reach
 * the sessions, while the mean of the busy-thread samples stays at most 1 for all those sessions
 * (a blocking handler needs one per session). The peak is reported but not judged: the server
 * samples every 100 ms and catches the short bursts in which a published message is written to
 * every session, which is work, not a thread held by an idle session.
 */
public final class AsyncThreadsExperiment implements Experiment {

    @Override
    public String id() {
        return "E3";
    }

    @Override
    public String title() {
        return "async handlers hold connections, not threads";
    }

    @Override
    public String claim() {
        return "With async handlers, long polling, SSE and WebSocket each hold a connection (counted against"
                + " maxConnections) but no worker thread while idle.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, ThreadTable.LONG_LIVED).stream()
                .filter(r -> ThreadTable.handler(r, "async")).toList();
        Criterion.Builder connections = new Criterion.Builder("every session holds a connection: server"
                + " connections peak >= sessions");
        Criterion.Builder threads = new Criterion.Builder("but no worker thread while idle: busy threads mean <= 1"
                + " for all the open sessions");
        for (SummaryRow r : rows) {
            double sessions = num(r, SummaryColumns.SESSIONS);
            double serverConnections = num(r, SummaryColumns.SERVER_CONNECTIONS_MAX);
            double busyMax = num(r, SummaryColumns.BUSY_THREADS_MAX);
            double busyMean = num(r, SummaryColumns.BUSY_THREADS_MEAN);
            connections.check(r.transport(), serverConnections >= sessions,
                    fmt(serverConnections) + " connections for " + fmt(sessions) + " sessions", serverConnections, sessions);
            threads.check(r.transport(), busyMean <= 1, "mean " + fmt(busyMean) + " for " + fmt(sessions)
                    + " sessions", busyMean);
        }
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            notes.add(r.transport() + ": busy threads peaked at " + fmt(r, SummaryColumns.BUSY_THREADS_MAX) + " of "
                    + fmt(r, SummaryColumns.MAX_THREADS) + " (executor queue peak "
                    + fmt(r, SummaryColumns.QUEUE_LENGTH_MAX) + ") in the bursts that write each message to every"
                    + " session");
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, ThreadTable.of(rows), List.of(connections.build(), threads.build()), notes);
    }
}
