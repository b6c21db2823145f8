package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.KeepAliveCloses;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E1: Tomcat closes a kept-alive connection after {@code maxKeepAliveRequests} requests. Judged
 * on short-poll and long-poll rows. The mean requests per connection cannot equal the limit
 * exactly, because the connection each session holds when the run ends is cut short; so the
 * criteria ask that every connection the server closed carried exactly the limit instead. The
 * conditions are {@link KeepAliveCloses}', shared with the report's keep-alive finding.
 */
public final class KeepAliveLimitExperiment implements Experiment {

    @Override
    public String id() {
        return "E1";
    }

    @Override
    public String title() {
        return "keep-alive request limit";
    }

    @Override
    public String claim() {
        return "Tomcat closes a kept-alive connection after maxKeepAliveRequests requests (default 100): the Nth"
                + " response carries Connection: close.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "short-poll", "long-poll");
        MeasuredTable.Builder table = new MeasuredTable.Builder("transport", "maxKeepAliveRequests", "requests",
                "connections opened", "requests/connection mean", "requests/connection max",
                "closes keepalive-limit", "closes idle/other/error", "closes client", "server closes at limit");
        Criterion.Builder max = new Criterion.Builder(
                "the most requests one connection carried equals maxKeepAliveRequests");
        Criterion.Builder causes = new Criterion.Builder("every connection the server closed was closed at the"
                + " keep-alive limit (some were; none idle-timeout, server-other or error)");
        Criterion.Builder exact = new Criterion.Builder("connections closed at the limit carried exactly the limit:"
                + " limit x keepalive-limit closes <= requests <= limit x (keepalive-limit + client closes)");
        Criterion.Builder server = new Criterion.Builder("the server counts the same keep-alive-limit closes as the"
                + " client, give or take the connections the client closed as the run ended (a Connection: close"
                + " response can be in flight on each)");
        for (SummaryRow r : rows) {
            KeepAliveCloses c = KeepAliveCloses.of(r);
            String label = r.transport() + " L=" + fmt(c.limit());
            table.row(r.transport(), fmt(c.limit()), fmt(c.requests()), fmt(r, SummaryColumns.CONNECTIONS_OPENED),
                    fmt(c.perConnectionMean()), fmt(c.perConnectionMax()), fmt(c.atLimit()),
                    fmt(c.otherServerCloses()), fmt(c.client()), fmt(c.serverCountedAtLimit()));
            max.check(label, c.maxCarriedTheLimit(), "max " + fmt(c.perConnectionMax()));
            causes.check(label, c.allServerClosesAtLimit(), fmt(c.atLimit()) + " at the limit, "
                    + fmt(c.otherServerCloses()) + " otherwise");
            exact.check(label, c.carriedExactlyTheLimit(), fmt(c.limit() * c.atLimit()) + " <= " + fmt(c.requests())
                    + " <= " + fmt(c.limit() * (c.atLimit() + c.client())));
            server.check(label, c.serverCountsAgree(), "server " + fmt(c.serverCountedAtLimit()) + ", client "
                    + fmt(c.atLimit()) + ", client closes at the end " + fmt(c.client()));
        }
        List<String> notes = new ArrayList<>();
        notes.add("The mean requests per connection stays below the limit only because each session's last"
                + " connection is cut short when the run ends (closed by the client).");
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(max.build(), causes.build(), exact.build(), server.build()),
                notes);
    }
}
