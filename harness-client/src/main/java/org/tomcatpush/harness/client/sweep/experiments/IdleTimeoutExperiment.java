package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E7: an idle kept-alive connection is closed after {@code keepAliveTimeout}; short polling at an
 * interval longer than it opens a new connection for every poll. Judged on short-poll rows:
 * those polling slower than the timeout must open one connection per request, each closed idle
 * (or by the client at the end); those polling faster serve as the control and must see no idle
 * close.
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
        for (SummaryRow r : rows) {
            double interval = num(r, SummaryColumns.POLL_INTERVAL_MS);
            double timeout = num(r, SummaryColumns.KEEP_ALIVE_TIMEOUT_MS);
            double requests = num(r, SummaryColumns.REQUESTS);
            double opened = num(r, SummaryColumns.CONNECTIONS_OPENED);
            double idleCloses = num(r, SummaryColumns.CLOSES_IDLE_TIMEOUT);
            double clientCloses = num(r, SummaryColumns.CLOSES_CLIENT);
            String label = "interval " + fmt(interval) + " ms";
            table.row(fmt(interval), fmt(timeout), fmt(r, SummaryColumns.SESSIONS), fmt(requests), fmt(opened),
                    fmt(r, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN), fmt(idleCloses), fmt(clientCloses),
                    fmt(r, SummaryColumns.CLOSES_KEEPALIVE_LIMIT));
            if (timeout > 0 && interval > timeout) {
                perPoll.check(label, opened == requests, fmt(opened) + " connections for " + fmt(requests)
                        + " requests", opened, requests);
                idle.check(label, idleCloses > 0 && idleCloses + clientCloses == opened, fmt(idleCloses) + " idle + "
                        + fmt(clientCloses) + " client of " + fmt(opened), idleCloses, clientCloses, opened);
            } else if (timeout > 0 && interval < timeout) {
                control.check(label, num(r, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN) > 1 && idleCloses == 0,
                        "mean " + fmt(r, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN) + " requests per connection, "
                                + fmt(idleCloses) + " idle closes",
                        num(r, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN), idleCloses);
            }
        }
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            double interval = num(r, SummaryColumns.POLL_INTERVAL_MS);
            double timeout = num(r, SummaryColumns.KEEP_ALIVE_TIMEOUT_MS);
            double reused = num(r, SummaryColumns.REQUESTS) - num(r, SummaryColumns.CONNECTIONS_OPENED);
            if (timeout > 0 && interval > timeout && reused > 0) {
                notes.add("interval " + fmt(interval) + " ms: " + fmt(reused) + " polls found their connection still"
                        + " open although it had been idle longer than keepAliveTimeout, and "
                        + fmt(r, SummaryColumns.CLOSES_SERVER_OTHER) + " connections closed under a request"
                        + " (server-other). Tomcat's NIO poller looks for expired connections only about once a"
                        + " second, so an idle connection can outlive keepAliveTimeout by up to about a second and"
                        + " a poll interval that close to the timeout races with that check");
            }
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(perPoll.build(), idle.build(), control.build()), notes);
    }
}
