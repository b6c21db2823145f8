package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.IdleCloses;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E7: an idle kept-alive connection is closed after {@code keepAliveTimeout}; short polling at an
 * interval longer than it opens a new connection for every poll. Judged on short-poll rows:
 * those polling slower than the timeout must open one connection per request, each closed idle
 * (or by the client at the end); those polling faster serve as the control and must see no idle
 * close. The conditions are {@link IdleCloses}', shared with the report's idle-timeout finding.
 */
public final class IdleTimeoutExperiment implements Experiment {

    @Override
    public String id() {
        return "E7";
    }

    @Override
    public String title() {
        return "keep-alive timeout and slow short polling";
    }

    @Override
    public String claim() {
        return "An idle kept-alive connection is closed after keepAliveTimeout; short polling at an interval longer"
                + " than it opens a new connection for every poll.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "short-poll");
        MeasuredTable.Builder table = new MeasuredTable.Builder("poll interval ms", "keepAliveTimeout ms", "sessions",
                "requests", "connections opened", "requests/connection mean", "closes idle-timeout", "closes client",
                "closes keepalive-limit");
        Criterion.Builder perPoll = new Criterion.Builder("polling slower than keepAliveTimeout: a new connection for"
                + " every poll (connections opened == requests)");
        Criterion.Builder idle = new Criterion.Builder("polling slower than keepAliveTimeout: the server closed them"
                + " idle (idle-timeout closes > 0, and idle-timeout + client closes == connections opened)");
        Criterion.Builder control = new Criterion.Builder("polling faster than keepAliveTimeout (control):"
                + " connections are reused (requests per connection > 1) and none closes idle");
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            IdleCloses c = IdleCloses.of(r);
            String label = "interval " + fmt(c.pollIntervalMs()) + " ms";
            table.row(fmt(c.pollIntervalMs()), fmt(c.timeoutMs()), fmt(r, SummaryColumns.SESSIONS), fmt(c.requests()),
                    fmt(c.opened()), fmt(c.perConnectionMean()), fmt(c.idle()), fmt(c.client()),
                    fmt(r, SummaryColumns.CLOSES_KEEPALIVE_LIMIT));
            if (c.pollsSlowerThanTimeout()) {
                perPoll.check(label, c.connectionPerRequest(), fmt(c.opened()) + " connections for "
                        + fmt(c.requests()) + " requests");
                idle.check(label, c.everyConnectionClosedIdle(), fmt(c.idle()) + " idle + " + fmt(c.client())
                        + " client of " + fmt(c.opened()));
                if (c.reusedPolls() > 0) {
                    notes.add(label + ": " + fmt(c.reusedPolls()) + " polls found their connection still"
                            + " open although it had been idle longer than keepAliveTimeout, and "
                            + fmt(c.serverOther()) + " connections closed under a request"
                            + " (server-other). Tomcat's NIO poller looks for expired connections only about once a"
                            + " second, so an idle connection can outlive keepAliveTimeout by up to about a second and"
                            + " a poll interval that close to the timeout races with that check");
                }
            } else if (c.pollsFasterThanTimeout()) {
                control.check(label, c.reused().and(c.anyIdle().not()), "mean " + fmt(c.perConnectionMean())
                        + " requests per connection, " + fmt(c.idle()) + " idle closes");
            }
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(perPoll.build(), idle.build(), control.build()), notes);
    }
}
