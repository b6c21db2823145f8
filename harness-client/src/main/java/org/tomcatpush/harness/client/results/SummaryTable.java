package org.tomcatpush.harness.client.results;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The short table printed on stdout at the end of a run: per transport (and {@code all}) the
 * figures a reader checks first, then one line per threshold outcome
 * ({@code threshold breached: sse latency_p99_ms<200 (was 312.4)}), the status and the results
 * folder. Stateless.
 */
public final class SummaryTable {

    private static final String ROW = "%-10s %8s %9s %7s %8s %10s %9s %6s %5s %8s %8s %8s %8s%n";

    private SummaryTable() {
    }

    public static void print(RunResult result, String folder, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "transport", "sessions", "requests", "conns", "req/conn", "reconnects",
                "received", "lost", "dup", "p50 ms", "p99 ms", "max ms", "busy max");
        for (TransportResult row : result.summaryRows()) {
            ClientCounts c = row.client();
            out.printf(Locale.ROOT, ROW, row.name(), row.sessions(), c.requests(), c.connectionsOpened(),
                    dash(Cells.decimal(round1(c.requestsPerConnectionMean()))), c.reconnectsTotal(),
                    c.messagesReceived(), c.messagesLost(), c.messagesDuplicated(),
                    dash(Cells.decimal(row.latency().p50Ms())), dash(Cells.decimal(row.latency().p99Ms())),
                    dash(Cells.decimal(row.latency().maxMs())),
                    row.serverWide() == null ? "-" : dash(Cells.count(row.serverWide().busySampled().max())));
        }
        result.thresholdOutcomes().forEach(o -> out.println(o.line()));
        if (result.status() != RunStatus.COMPLETED) {
            out.println("status: " + result.status().label() + (result.failure() == null ? "" : ": " + result.failure()));
        }
        if (folder != null) {
            out.println("results: " + folder);
        }
    }

    private static double round1(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }

    private static String dash(String cell) {
        return cell.isEmpty() ? "-" : cell;
    }
}
