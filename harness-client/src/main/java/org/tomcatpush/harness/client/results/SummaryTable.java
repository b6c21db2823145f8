package org.tomcatpush.harness.client.results;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The short table printed on stdout at the end of a run: per transport (and {@code all}) the
 * figures a reader checks first, sessions as opened/planned, then a warning line per transport
 * whose sessions did not all open or that received nothing while the server published, one line
 * per threshold outcome ({@code threshold breached: sse latency_p99_ms<200 (was 312.4)}), the
 * status and the results folder. Stateless.
 */
public final class SummaryTable {

    private static final String ROW = "%-10s %11s %9s %7s %8s %10s %9s %6s %5s %8s %8s %8s %8s%n";

    private SummaryTable() {
    }

    public static void print(RunResult result, String folder, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "transport", "sessions", "requests", "conns", "req/conn", "reconnects",
                "received", "lost", "dup", "p50 ms", "p99 ms", "max ms", "busy max");
        for (TransportResult row : result.summaryRows()) {
            ClientCounts c = row.client();
            out.printf(Locale.ROOT, ROW, row.name(), c.sessionsOpened() + "/" + row.sessions(), c.requests(), c.connectionsOpened(),
                    dash(Cells.decimal(round1(c.requestsPerConnectionMean()))), c.reconnectsTotal(),
                    c.messagesReceived(), c.messagesLost(), c.messagesDuplicated(),
                    dash(Cells.decimal(row.latency().p50Ms())), dash(Cells.decimal(row.latency().p99Ms())),
                    dash(Cells.decimal(row.latency().maxMs())),
                    row.serverWide() == null ? "-" : dash(Cells.count(row.serverWide().busySampled().max())));
        }
        long published = result.finalServerStats() == null ? 0 : result.finalServerStats().messagesPublished();
        for (TransportResult row : result.transports()) {
            if (row.sessionsNeverOpened() > 0) {
                out.println(neverOpenedWarning(row));
            }
            if (row.client().messagesReceived() == 0 && published > 0) {
                out.println("warning: no " + row.name() + " message delivered, although the server published "
                        + published);
            }
        }
        result.thresholdOutcomes().forEach(o -> out.println(o.line()));
        if (result.status() != RunStatus.COMPLETED) {
            out.println("status: " + result.status().label() + (result.failure() == null ? "" : ": " + result.failure()));
        }
        if (folder != null) {
            out.println("results: " + folder);
        }
    }

    /** E.g. {@code warning: 12 of 20 sse sessions never opened (time to first message p99 5.0 s, censored ...)}. */
    static String neverOpenedWarning(TransportResult row) {
        String text = "warning: " + row.sessionsNeverOpened() + " of " + row.sessions() + " " + row.name()
                + " sessions never opened";
        LatencySummary firstMessage = row.firstMessage();
        if (firstMessage.isEmpty()) {
            return text;
        }
        return text + String.format(Locale.ROOT, " (time to first message p99 %.1f s%s)", firstMessage.p99Ms() / 1000.0,
                row.client().firstMessagesCensored() > 0 ? ", censored at the end of the run" : "");
    }

    private static double round1(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }

    private static String dash(String cell) {
        return cell.isEmpty() ? "-" : cell;
    }
}
