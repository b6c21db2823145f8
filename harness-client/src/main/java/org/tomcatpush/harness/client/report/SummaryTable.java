package org.tomcatpush.harness.client.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.report.findings.DeliveryRule;
import org.tomcatpush.harness.client.report.findings.FindingRule;
import org.tomcatpush.harness.client.report.findings.Findings;
import org.tomcatpush.harness.client.report.findings.SessionsOpenedRule;
import org.tomcatpush.harness.client.report.findings.Severity;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.CapacityFigures;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.ProxyInfo;
import org.tomcatpush.harness.client.results.RunResult;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;

/**
 * The short table printed on stdout at the end of a run: per transport (and {@code all}) the
 * headline figures of the report's capacity table, from the same {@link CapacityFigures} of the
 * same {@link SummaryCsv#cells cells} (sessions opened/planned, TCP connections, busy threads
 * and requests per minute per 1,000 sessions held, delivery latency p50/p99, time to first message
 * p99, messages lost), aligned, three significant digits; for a run through a proxy, one line
 * saying what its connection figures describe; then the report's warnings on sessions
 * that did not all open and on messages lost, duplicated or not delivered at all, one line
 * per threshold outcome ({@code threshold breached: sse latency_p99_ms<200 (was 312.4)}), the
 * status and the results folder. Stateless.
 */
public final class SummaryTable {

    /** The column headings, units in them; the first column is left-aligned, the others right-aligned. */
    static final List<String> HEADER = List.of("transport", "sessions", "conns/1k", "busy max/1k", "req/min/1k",
            "p50 ms", "p99 ms", "first msg p99 ms", "lost");

    private static final String COLUMN_GAP = "  ";

    /** The findings rules whose warnings the table repeats: sessions that never opened, messages not delivered. */
    private static final List<FindingRule> WARNING_RULES = List.of(new SessionsOpenedRule(), new DeliveryRule());

    private SummaryTable() {
    }

    public static void print(RunResult result, String folder, PrintStream out) {
        print(SummaryCsv.cells(result), result.setup().proxy(), result.thresholdOutcomes(), result.status(),
                result.failure(), folder, out);
    }

    /**
     * The table of summary.csv rows as written (a merged run's), with the run's proxy, threshold
     * outcomes, status and failure ({@code null} for none), and its folder ({@code null} for none).
     */
    public static void print(List<Map<String, String>> rows, ProxyInfo proxy, List<ThresholdOutcome> outcomes,
            RunStatus status, String failure, String folder, PrintStream out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        boolean byOpened = true;
        for (Map<String, String> cells : rows) {
            CapacityFigures f = CapacityFigures.of(cells);
            byOpened &= f.heldColumn().equals(CapacityFigures.SESSIONS_OPENED);
            lines.add(List.of(cells.get("transport"), Figures.display(f.sessionsOpened()) + "/"
                            + Figures.display(f.sessionsPlanned()), Figures.display(f.connectionsPer1k()),
                    Figures.display(f.busyThreadsMaxPer1k()), Figures.display(f.requestsPerMinutePer1k()),
                    Figures.display(f.latencyP50Ms()), Figures.display(f.latencyP99Ms()),
                    Figures.display(f.firstMessageP99Ms()), cells.get("messages_lost")));
        }
        aligned(lines).forEach(out::println);
        out.println("/1k: per 1,000 sessions " + (byOpened ? "opened" : "planned")
                + "; conns and busy threads are the server's, for all its traffic (n/a in a row of a mix)");
        if (proxy.proxied()) {
            out.println("proxy: " + proxy.kind() + " " + proxy.version() + " at " + proxy.listen() + ": "
                    + ProxyInfo.CONNECTION_ACCOUNTING_NOTE);
        }
        warnings(rows).forEach(out::println);
        outcomes.forEach(o -> out.println(o.line()));
        if (status != RunStatus.COMPLETED) {
            out.println("status: " + status.label() + (failure == null ? "" : ": " + failure));
        }
        if (folder != null) {
            out.println("results: " + folder);
        }
    }

    /**
     * {@code warning: } and the text of each warning the report's {@link #WARNING_RULES} find in
     * {@code rows}, so the terminal and the report judge and word them alike (those rules read
     * the rows only, so the run needs no folder, series or latency log).
     */
    static List<String> warnings(List<Map<String, String>> rows) {
        RunData run = new RunData(Path.of("."), RunInfo.empty(), rows.stream().map(SummaryRow::new).toList(),
                TimeSeries.empty(), List.of(), TimeSeries.empty());
        return Findings.evaluate(run, WARNING_RULES).stream().filter(f -> f.severity() == Severity.WARNING)
                .map(f -> "warning: " + f.text()).toList();
    }

    /** The lines of {@code table} with its columns padded to their widest cell. */
    static List<String> aligned(List<List<String>> table) {
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : COLUMN_GAP).append(i == 0 ? cell + pad : pad + cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
