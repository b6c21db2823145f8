package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.ThreadPool;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E3: with async handlers, long polling, SSE and WebSocket each hold a connection but no worker
 * thread while idle. Judged on async rows of the long-lived transports: server connections reach
 * the sessions, while the mean of the busy-thread samples stays at most 1 for all those sessions
 * (a blocking handler needs one per session). The peak is reported but not judged: the server
 * samples every 100 ms and catches the short bursts in which a published message is written to
 * every session, which is work, not a thread held by an idle session. The conditions are
 * {@link ThreadPool}'s, shared with E4 and the report's thread finding.
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
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            ThreadPool pool = ThreadPool.of(r);
            connections.check(r.transport(), pool.everySessionHoldsAConnection(), fmt(pool.serverConnectionsMax())
                    + " connections for " + fmt(pool.sessions()) + " sessions");
            threads.check(r.transport(), pool.idleSessionsHoldNoThread(), "mean " + fmt(pool.busyMean()) + " for "
                    + fmt(pool.sessions()) + " sessions");
            notes.add(r.transport() + ": busy threads peaked at " + fmt(pool.busyMax()) + " of "
                    + fmt(pool.maxThreads()) + " (executor queue peak " + fmt(pool.queueMax())
                    + ") in the bursts that write each message to every session");
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, ThreadTable.of(rows), List.of(connections.build(), threads.build()), notes);
    }
}
