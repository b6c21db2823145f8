package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E6: Tomcat answers {@code Keep-Alive: timeout=N} (N = {@code keepAliveTimeout} in seconds) only
 * when the request said {@code Connection: keep-alive}, and never with {@code max=}. Judged on the
 * first response of each connection, split by the request's {@code Connection} header
 * ({@code request_connection_header}): with {@code keep-alive} every first response carries the
 * header with that timeout, without it none does, and none ever carries {@code max=}.
 */
public final class KeepAliveHeaderExperiment implements Experiment {

    static final String WITH_HEADER = "keep-alive";
    static final String WITHOUT_HEADER = "none";

    @Override
    public String id() {
        return "E6";
    }

    @Override
    public String title() {
        return "the Keep-Alive response header";
    }

    @Override
    public String claim() {
        return "Tomcat sends Keep-Alive: timeout=N only when the request sent Connection: keep-alive, never max=:"
                + " the client records the response headers of the first response on each connection.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep);
        MeasuredTable.Builder table = new MeasuredTable.Builder("request Connection", "transport",
                "keepAliveTimeout ms", "maxKeepAliveRequests", "connections opened", "first responses",
                "with Keep-Alive", "its timeout= s", "with max=", "with Connection: keep-alive");
        Criterion.Builder with = new Criterion.Builder("with Connection: keep-alive, every first response carries"
                + " Keep-Alive: timeout=N, N = keepAliveTimeout in seconds");
        Criterion.Builder without = new Criterion.Builder("without it, no first response carries a Keep-Alive header");
        Criterion.Builder noMax = new Criterion.Builder("no Keep-Alive header carries max=");
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            String header = r.text("request_connection_header").orElse("");
            double timeoutMs = num(r, SummaryColumns.KEEP_ALIVE_TIMEOUT_MS);
            double first = num(r, "first_responses");
            double keepAlive = num(r, "keep_alive_header_responses");
            double timeoutS = num(r, "keep_alive_header_timeout_s");
            double withMax = num(r, "keep_alive_header_max_responses");
            table.row(header.isEmpty() ? "n/a" : header, r.transport(), fmt(timeoutMs),
                    fmt(r, SummaryColumns.MAX_KEEP_ALIVE_REQUESTS), fmt(r, SummaryColumns.CONNECTIONS_OPENED),
                    fmt(first), fmt(keepAlive), fmt(timeoutS), fmt(withMax), fmt(r, "connection_keep_alive_responses"));
            String label = "Connection " + (header.isEmpty() ? "n/a" : header) + " " + r.transport();
            if (header.equals(WITH_HEADER)) {
                double expectedS = Math.floor(timeoutMs / 1000);
                // an empty timeout cell with headers present means they lacked or disagreed on timeout=: a failure
                boolean timeoutRight = keepAlive > 0 && timeoutS == expectedS;
                with.check(label, first > 0 && keepAlive == first && timeoutRight, fmt(keepAlive) + " of "
                        + fmt(first) + " with Keep-Alive, timeout=" + fmt(timeoutS) + " (keepAliveTimeout "
                        + fmt(timeoutMs) + " ms)", first, keepAlive, timeoutMs);
            } else if (header.equals(WITHOUT_HEADER)) {
                without.check(label, first > 0 && keepAlive == 0, fmt(keepAlive) + " of " + fmt(first)
                        + " with Keep-Alive", first, keepAlive);
            } else {
                notes.add("run " + r.text("run_index").orElse("?") + " has no request_connection_header: left out");
                continue;
            }
            noMax.check(label, withMax == 0, fmt(withMax) + " with max=", withMax);
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(with.build(), without.build(), noMax.build()), notes);
    }
}
