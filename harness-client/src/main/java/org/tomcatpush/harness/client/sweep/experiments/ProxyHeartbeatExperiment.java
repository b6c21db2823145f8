package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.known;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.judge.Outcome;
import org.tomcatpush.harness.client.launch.ProxySettings;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.results.ProxyInfo;

/**
 * E10: through a reverse proxy, a stream the server is silent on is cut at the proxy's read
 * timeout and the client reopens it, so a push stream degrades into polling; heartbeats shorter
 * than the timeout keep it whole. Judged on the SSE and WebSocket rows of a sweep through nginx
 * over {@code sse-heartbeat}: an SSE row whose heartbeat is off or not shorter than
 * {@code proxy_read_timeout_ms} must show connection-lost reconnects and more than one request
 * per session; one whose heartbeat is shorter, one request per session and no reconnect.
 * WebSocket sends no heartbeat, so its rows must be cut in every run. A run that did not go
 * through nginx, or that failed (nginx not installed), leaves its criteria without data.
 */
public final class ProxyHeartbeatExperiment implements Experiment {

    private static final String PROXY = "proxy";
    private static final String READ_TIMEOUT_MS = "proxy_read_timeout_ms";
    private static final String HEARTBEAT_MS = "sse_heartbeat_ms";
    private static final String CONNECTION_LOST = "reconnects_connection_lost";

    @Override
    public String id() {
        return "E10";
    }

    @Override
    public String title() {
        return "idle streams cut by a proxy's read timeout, kept by heartbeats";
    }

    @Override
    public String claim() {
        return "Long-lived streams need heartbeats: idle streams are cut by timeouts (the SSE draft suggests a"
                + " comment every 15 s), after which they degrade into polling; heartbeats shorter than the"
                + " proxy's read timeout keep them whole.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep, "sse", "ws");
        MeasuredTable.Builder table = new MeasuredTable.Builder("transport", "proxy", "read timeout ms",
                "sse heartbeat ms", "sessions", "requests", "requests/session", "reconnects",
                "reconnects connection lost", "reconnects stream ended");
        Criterion.Builder proxied = new Criterion.Builder("every run went through nginx (proxy = nginx)");
        Criterion.Builder cut = new Criterion.Builder("SSE without a heartbeat shorter than the read timeout is cut"
                + " and reopened: connection-lost reconnects > 0 and requests per session > 1");
        Criterion.Builder whole = new Criterion.Builder("SSE with heartbeats shorter than the read timeout stays"
                + " whole: one request per session, no reconnect");
        Criterion.Builder ws = new Criterion.Builder("WebSocket, which sends no heartbeat, is cut in every run:"
                + " connection-lost reconnects > 0 and requests per session > 1");
        for (SummaryRow r : rows) {
            String proxy = r.text(PROXY).orElse("n/a");
            double timeoutMs = num(r, READ_TIMEOUT_MS);
            double heartbeatMs = num(r, HEARTBEAT_MS);
            double sessions = num(r, SummaryColumns.SESSIONS);
            double requests = num(r, SummaryColumns.REQUESTS);
            double perSession = requests / sessions;
            double reconnects = num(r, SummaryColumns.RECONNECTS);
            double lost = num(r, CONNECTION_LOST);
            String label = r.transport() + " heartbeat " + fmt(heartbeatMs) + " ms";
            table.row(r.transport(), proxy, fmt(timeoutMs), fmt(heartbeatMs), fmt(sessions), fmt(requests),
                    fmt(perSession), fmt(reconnects), fmt(lost), fmt(r, "reconnects_stream_ended"));
            proxied.check(label, r.text(PROXY).isEmpty() ? Outcome.NO_DATA
                    : Outcome.of(ProxySettings.NGINX.equals(proxy)), proxy);
            String figures = fmt(lost) + " connection-lost reconnects, " + fmt(perSession) + " requests per session";
            if (r.transport().equals("ws")) {
                ws.check(label, lost > 0 && perSession > 1, figures, lost, perSession);
            } else if (!known(heartbeatMs) || !known(timeoutMs)) {
                cut.check(label, false, "heartbeat or read timeout not recorded", heartbeatMs, timeoutMs);
            } else if (heartbeatMs > 0 && heartbeatMs < timeoutMs) {
                whole.check(label + " < timeout " + fmt(timeoutMs) + " ms", perSession == 1 && reconnects == 0,
                        fmt(perSession) + " requests per session, " + fmt(reconnects) + " reconnects", perSession,
                        reconnects);
            } else {
                cut.check(label + (heartbeatMs == 0 ? " (none)" : " >= timeout " + fmt(timeoutMs) + " ms"),
                        lost > 0 && perSession > 1, figures, lost, perSession);
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(ProxyInfo.CONNECTION_ACCOUNTING_NOTE);
        notes.addAll(Rows.incompleteRuns(sweep));
        return Verdict.of(this, table.build(), List.of(proxied.build(), cut.build(), whole.build(), ws.build()),
                notes);
    }
}
