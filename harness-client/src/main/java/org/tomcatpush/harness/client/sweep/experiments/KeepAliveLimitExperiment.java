package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E1: Tomcat closes a kept-alive connection after {@code maxKeepAliveRequests} requests. Judged
 * on short-poll and long-poll rows. The mean requests per connection cannot equal the limit
 * exactly, because the connection each session holds when the run ends is cut short; so the
 * criteria ask that every connection the server closed carried exactly the limit instead.
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
            double limit = num(r, SummaryColumns.MAX_KEEP_ALIVE_REQUESTS);
            double keepAlive = num(r, SummaryColumns.CLOSES_KEEPALIVE_LIMIT);
            double others = num(r, SummaryColumns.CLOSES_IDLE_TIMEOUT) + num(r, SummaryColumns.CLOSES_SERVER_OTHER)
                    + num(r, SummaryColumns.CLOSES_ERROR);
            double client = num(r, SummaryColumns.CLOSES_CLIENT);
            double requests = num(r, SummaryColumns.REQUESTS);
            double serverClosed = num(r, "server_closed_keepalive_limit");
            String label = r.transport() + " L=" + fmt(limit);
            table.row(r.transport(), fmt(limit), fmt(requests), fmt(r, SummaryColumns.CONNECTIONS_OPENED),
                    fmt(r, SummaryColumns.REQUESTS_PER_CONNECTION_MEAN),
                    fmt(r, SummaryColumns.REQUESTS_PER_CONNECTION_MAX), fmt(keepAlive), fmt(others), fmt(client),
                    fmt(serverClosed));
            max.check(label, num(r, SummaryColumns.REQUESTS_PER_CONNECTION_MAX) == limit,
                    "max " + fmt(r, SummaryColumns.REQUESTS_PER_CONNECTION_MAX),
                    num(r, SummaryColumns.REQUESTS_PER_CONNECTION_MAX), limit);
            causes.check(label, keepAlive > 0 && others == 0, fmt(keepAlive) + " at the limit, " + fmt(others)
                    + " otherwise", keepAlive, others);
            exact.check(label, limit * keepAlive <= requests && requests <= limit * (keepAlive + client),
                    fmt(limit * keepAlive) + " <= " + fmt(requests) + " <= " + fmt(limit * (keepAlive + client)),
                    limit, keepAlive, requests, client);
            server.check(label, Math.abs(serverClosed - keepAlive) <= client, "server " + fmt(serverClosed)
                    + ", client " + fmt(keepAlive) + ", client closes at the end " + fmt(client), serverClosed,
                    keepAlive, client);
        }
        List<String> notes = new ArrayList<>();
        notes.add("The mean requests per connection stays below the limit only because each session's last"
                + " connection is cut short when the run ends (closed by the client).");
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(max.build(), causes.build(), exact.build(), server.build()),
                notes);
    }
}
