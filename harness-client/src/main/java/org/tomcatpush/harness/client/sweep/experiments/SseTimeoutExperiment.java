package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.Delivery;
import org.tomcatpush.harness.client.judge.KeepAliveCloses;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E2: an SSE stream with a server-side timeout ends each response; the client reconnects on the
 * same TCP connection until Tomcat closes it at {@code maxKeepAliveRequests} stream requests, and
 * no message is lost across reconnects; without a timeout one request serves the session for the
 * whole run (as many requests as sessions, every session opened, no stream ended before the stop,
 * no reconnect). Judged on SSE rows, split by {@code sse_timeout_ms}. The keep-alive and delivery conditions are
 * {@link KeepAliveCloses}' and {@link Delivery}'s, shared with the report's findings.
 */
public final class SseTimeoutExperiment implements Experiment {

    @Override
    public String id() {
        return "E2";
    }

    @Override
    public String title() {
        return "SSE server timeout, reconnects and the keep-alive limit";
    }

    @Override
    public String claim() {
        return "An SSE stream with a server-side timeout (Spring SseEmitter(timeout)) ends each response; the browser"
                + " reconnects after retry on the same TCP connection, and after maxKeepAliveRequests stream requests"
                + " Tomcat closes the connection, so a new one is opened. With no timeout, one request serves the"
                + " session for ever. Messages lost during reconnects: 0 with Last-Event-ID.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "sse");
        // a sweep over --api (servlet and Spring's SseEmitter side by side) names the api in every row and check
        boolean byApi = rows.stream().map(SseTimeoutExperiment::api).distinct().count() > 1;
        List<String> header = new ArrayList<>(List.of("sse timeout ms", "maxKeepAliveRequests", "sessions",
                "stream requests", "reconnects (stream ended)", "connections opened", "requests/connection mean",
                "requests/connection max", "closes keepalive-limit", "messages received", "lost", "duplicated"));
        if (byApi) {
            header.add(0, "api");
        }
        MeasuredTable.Builder table = new MeasuredTable.Builder(header.toArray(String[]::new));
        Criterion.Builder reconnect = new Criterion.Builder("with a timeout, streams end and are reopened"
                + " (stream-ended reconnects > 0)");
        Criterion.Builder reuse = new Criterion.Builder("with a timeout, reconnects reuse the TCP connection"
                + " (requests per connection mean > 1)");
        Criterion.Builder limit = new Criterion.Builder("with a timeout, a connection carries at most"
                + " maxKeepAliveRequests stream requests, reaches it, and is then closed at the keep-alive limit");
        Criterion.Builder forever = new Criterion.Builder("without a timeout, one request serves each session for"
                + " the whole run: requests = sessions, every session opened, no stream ended while the run went on"
                + " and no reconnect");
        Criterion.Builder lossless = new Criterion.Builder("no message lost or duplicated across reconnects");
        for (SummaryRow r : rows) {
            double timeout = num(r, SummaryColumns.SSE_TIMEOUT_MS);
            double sessions = num(r, SummaryColumns.SESSIONS);
            double streamEnded = num(r, "reconnects_stream_ended");
            KeepAliveCloses closes = KeepAliveCloses.of(r);
            Delivery delivery = Delivery.of(r);
            double requests = closes.requests();
            String label = (byApi ? api(r) + " " : "") + "timeout " + fmt(timeout) + " ms";
            List<String> cells = new ArrayList<>(List.of(fmt(timeout), fmt(closes.limit()), fmt(sessions),
                    fmt(requests), fmt(streamEnded), fmt(r, SummaryColumns.CONNECTIONS_OPENED),
                    fmt(closes.perConnectionMean()), fmt(closes.perConnectionMax()), fmt(closes.atLimit()),
                    fmt(delivery.received()), fmt(delivery.lost()), fmt(delivery.duplicated())));
            if (byApi) {
                cells.add(0, api(r));
            }
            table.row(cells.toArray(String[]::new));
            if (timeout > 0) {
                reconnect.check(label, streamEnded > 0, fmt(streamEnded) + " stream-ended reconnects", streamEnded);
                reuse.check(label, closes.perConnectionMean() > 1, "mean " + fmt(closes.perConnectionMean()),
                        closes.perConnectionMean());
                limit.check(label, closes.maxCarriedTheLimit().and(closes.anyAtLimit()), "max "
                        + fmt(closes.perConnectionMax()) + " of limit " + fmt(closes.limit()) + ", "
                        + fmt(closes.atLimit()) + " closes at the limit");
            } else if (timeout == 0) {
                double opened = num(r, SummaryColumns.SESSIONS_OPENED);
                double ended = num(r, SummaryColumns.STREAMS_ENDED);
                double reconnects = num(r, SummaryColumns.RECONNECTS);
                forever.check(label, requests == sessions && opened == sessions && ended == 0 && reconnects == 0,
                        fmt(requests) + " requests for " + fmt(sessions) + " sessions (" + fmt(opened) + " opened), "
                                + fmt(ended) + " streams ended during the run, " + fmt(reconnects) + " reconnects",
                        requests, sessions, opened, ended, reconnects);
            }
            lossless.check(label, delivery.lossless(), fmt(delivery.lost()) + " lost, " + fmt(delivery.duplicated())
                    + " duplicated of " + fmt(delivery.received()));
        }
        List<String> notes = new ArrayList<>(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(reconnect.build(), reuse.build(), limit.build(),
                forever.build(), lossless.build()), notes);
    }

    /** The row's {@code --api}; a row without the column predates it and is the servlet flavour. */
    private static String api(SummaryRow r) {
        return r.text(SummaryColumns.API).orElse("servlet");
    }
}
