package org.tomcatpush.harness.client.sweep.experiments;

import static org.tomcatpush.harness.client.sweep.experiments.Rows.fmt;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.known;
import static org.tomcatpush.harness.client.sweep.experiments.Rows.num;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E5: past {@code maxConnections} Tomcat's acceptor stops accepting; further connects wait in the
 * kernel's accept queue ({@code acceptCount}) and beyond it time out or are refused. Judged on the
 * rows that open more sessions than {@code maxConnections} + {@code acceptCount} + 1 (Linux queues
 * one more than the backlog): the server never holds more than {@code maxConnections}; connects
 * fail (timed out or refused, counted apart); connections the client established and sent its
 * request on that Tomcat had not accepted when the run ended (client minus server connections)
 * are the ones waiting in the queue; and with the same sessions and {@code maxConnections}, a
 * larger {@code acceptCount} lets more connects in (fewer failures). Connect times are shown,
 * not judged: a queued connect completes its handshake in the kernel at once, so its wait shows
 * after the connect, in the time to first message. A sweep with a single {@code maxConnections} is
 * judged along {@code acceptCount} only, so its verdict is at best <em>partly judged</em>.
 */
public final class ConnectBacklogExperiment implements Experiment {

    /** The part of the claim a sweep with one maxConnections value does not judge. */
    static final String UNJUDGED_MAX_CONNECTIONS = "the figures across maxConnections are not judged: the sweep holds"
            + " maxConnections at one value (add a max-connections axis to the scenario to judge them)";

    @Override
    public String id() {
        return "E5";
    }

    @Override
    public String title() {
        return "maxConnections and the accept queue";
    }

    @Override
    public String claim() {
        return "Past maxConnections the acceptor stops accepting; connects then wait in the backlog (acceptCount)"
                + " and beyond it time out or are refused: connect latency and failures across maxConnections x"
                + " acceptCount.";
    }

    @Override
    public Verdict evaluate(SweepTable sweep) {
        List<SummaryRow> rows = Rows.completed(sweep).stream()
                .sorted(Comparator.comparingDouble((SummaryRow r) -> num(r, SummaryColumns.MAX_CONNECTIONS))
                        .thenComparingDouble(r -> num(r, SummaryColumns.ACCEPT_COUNT)))
                .toList();
        MeasuredTable.Builder table = new MeasuredTable.Builder("maxConnections", "acceptCount", "sessions",
                "server connections max", "connections opened", "established, not accepted at the end",
                "connect failures timeout", "refused", "other", "connect time p50 ms", "p99 ms", "max ms",
                "sessions opened", "first message p50 ms", "first message censored");
        Criterion.Builder limit = new Criterion.Builder("the server holds at most maxConnections connections"
                + " (server_connections_max <= maxConnections)");
        Criterion.Builder beyond = new Criterion.Builder("connects beyond maxConnections + the backlog fail: timed"
                + " out or refused (connect failures > 0)");
        Criterion.Builder queued = new Criterion.Builder("connects the backlog holds succeed but wait: connections"
                + " established, their request sent, that Tomcat had not accepted when the run ended"
                + " (client minus server connections > 0)");
        Criterion.Builder larger = new Criterion.Builder("a larger acceptCount lets more connects in: with the same"
                + " sessions and maxConnections, fewer connect failures");
        // maxConnections and sessions -> failures by acceptCount, in acceptCount order
        Map<String, List<SummaryRow>> byLimit = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (SummaryRow r : rows) {
            double maxConnections = num(r, SummaryColumns.MAX_CONNECTIONS);
            double acceptCount = num(r, SummaryColumns.ACCEPT_COUNT);
            double sessions = num(r, SummaryColumns.SESSIONS);
            double serverMax = num(r, SummaryColumns.SERVER_CONNECTIONS_MAX);
            double waiting = num(r, SummaryColumns.CLIENT_MINUS_SERVER_CONNECTIONS);
            double timedOut = num(r, "connect_failures_timeout");
            double refused = num(r, "connect_failures_refused");
            table.row(fmt(maxConnections), fmt(acceptCount), fmt(sessions), fmt(serverMax),
                    fmt(r, SummaryColumns.CONNECTIONS_OPENED), fmt(waiting), fmt(timedOut), fmt(refused),
                    fmt(r, "connect_failures_other"), fmt(r, "connect_time_p50_ms"), fmt(r, "connect_time_p99_ms"),
                    fmt(r, "connect_time_max_ms"), fmt(r, "sessions_opened"), fmt(r, "first_message_p50_ms"),
                    fmt(r, "first_message_censored"));
            String label = "maxConnections " + fmt(maxConnections) + " acceptCount " + fmt(acceptCount);
            limit.check(label, serverMax <= maxConnections, "peak " + fmt(serverMax) + " of " + fmt(maxConnections),
                    serverMax, maxConnections);
            if (!(sessions > maxConnections + acceptCount + 1)) {
                if (known(sessions) && known(maxConnections) && known(acceptCount)) {
                    notes.add(label + ": " + fmt(sessions) + " sessions fit within maxConnections + the backlog,"
                            + " so it does not judge the overflow");
                }
                continue;
            }
            beyond.check(label, timedOut + refused > 0, fmt(timedOut) + " timed out, " + fmt(refused) + " refused",
                    timedOut, refused);
            queued.check(label, waiting > 0, fmt(waiting) + " established, not accepted", waiting);
            if (waiting > acceptCount + 1) {
                notes.add(label + ": " + fmt(waiting) + " connections established but not accepted, more than the"
                        + " accept queue holds (acceptCount + 1 = " + fmt(acceptCount + 1) + "): Linux completes the"
                        + " client's side of the handshake for a SYN it answered while the queue had room and drops"
                        + " the final ACK once the queue is full, so the client counts such a connect as established"
                        + " while the server holds it half-open");
            }
            byLimit.computeIfAbsent(fmt(maxConnections) + " " + fmt(sessions), k -> new ArrayList<>()).add(r);
            if (known(refused) && refused == 0 && timedOut > 0) {
                notes.add(label + ": every failed connect timed out, none was refused: Linux drops a SYN that"
                        + " finds the accept queue full (and resends it after 1 s, 3 s, ...) instead of refusing it");
            }
        }
        for (List<SummaryRow> group : byLimit.values()) {
            for (int i = 1; i < group.size(); i++) {
                SummaryRow smaller = group.get(i - 1);
                SummaryRow bigger = group.get(i);
                double before = failures(smaller);
                double after = failures(bigger);
                if (num(smaller, SummaryColumns.ACCEPT_COUNT) == num(bigger, SummaryColumns.ACCEPT_COUNT)) {
                    continue;
                }
                larger.check("maxConnections " + fmt(smaller, SummaryColumns.MAX_CONNECTIONS) + " acceptCount "
                        + fmt(smaller, SummaryColumns.ACCEPT_COUNT) + " -> " + fmt(bigger, SummaryColumns.ACCEPT_COUNT),
                        after < before, fmt(before) + " -> " + fmt(after) + " failures", before, after);
            }
        }
        if (!rows.isEmpty()) {
            notes.add("connect time is the kernel's handshake: a connect the accept queue holds is established at once"
                    + " and waits after it (its request unanswered until Tomcat accepts it; see time to first message),"
                    + " while a connect that found the queue full and got in on a SYN resend took about a second");
        }
        notes.addAll(Rows.incompleteRuns(sweep));
        List<Criterion> criteria = List.of(limit.build(), beyond.build(), queued.build(), larger.build());
        long limits = rows.stream().mapToDouble(r -> num(r, SummaryColumns.MAX_CONNECTIONS)).filter(Rows::known)
                .distinct().count();
        if (limits < 2) {
            return Verdict.partly(this, table.build(), criteria, notes, List.of(UNJUDGED_MAX_CONNECTIONS));
        }
        return Verdict.of(this, table.build(), criteria, notes);
    }

    /** Failed connects of every kind: timed out, refused, other. */
    private static double failures(SummaryRow r) {
        return num(r, "connect_failures_timeout") + num(r, "connect_failures_refused") + num(r, "connect_failures_other");
    }
}
