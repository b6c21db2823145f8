package org.tomcatpush.harness.client.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table {@code harness compare} prints: per matched run a block with one line per metric
 * (metric, baseline, current, change, limit, verdict), then the unmatched runs, notes, warnings
 * and a one-line verdict. Stateless.
 */
public final class ConsoleReport {

    private static final String[] HEADER = {"metric", "baseline", "current", "change", "limit", "verdict"};

    private ConsoleReport() {
    }

    /** Prints {@code result} to {@code out}. */
    public static void print(CompareResult result, PrintWriter out) {
        out.println("baseline:   " + result.baselineLabel());
        out.println("current:    " + result.currentLabel());
        out.println("tolerances: " + result.toleranceSource());
        out.println("matched on: " + String.join(", ", result.matching().keyColumns()));
        for (RunComparison run : result.runs()) {
            out.println();
            out.println("== " + run.label() + "  [" + summary(run) + "]");
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (MetricResult m : run.metrics()) {
                rows.add(new String[] {m.metric(), MetricText.figure(m.baseline()), MetricText.figure(m.current()),
                    MetricText.change(m), MetricText.limit(m), m.verdict().label()});
            }
            printAligned(rows, out);
            if (run.statusProblem() != null) {
                out.println("status: FAILED: " + run.statusProblem());
            }
        }
        out.println();
        for (RunMatcher.Unmatched u : result.matching().onlyBaseline()) {
            out.println("unmatched: baseline run '" + result.label(u) + "' has no current run"
                    + (result.allowMissing() ? " (allowed by --allow-missing)" : ": FAILED"));
        }
        for (RunMatcher.Unmatched u : result.matching().onlyCurrent()) {
            out.println("unmatched: current run '" + result.label(u) + "' has no baseline run: not compared");
        }
        result.notes().forEach(n -> out.println("note: " + n));
        result.warnings().forEach(w -> out.println("warning: " + w));
        out.flush();
    }

    /** The verdict line: {@code compare: PASSED ...} or {@code compare: FAILED ...}. */
    public static String verdictLine(CompareResult result) {
        int failedRuns = (int) result.runs().stream().filter(r -> r.failures() > 0).count();
        String counts = result.runs().size() + " runs matched, " + result.metricCount() + " metrics compared";
        if (!result.regressed()) {
            return "compare: PASSED: no regression (" + counts + ")";
        }
        List<String> parts = new ArrayList<>();
        if (failedRuns > 0) {
            int runFailures = result.runs().stream().mapToInt(RunComparison::failures).sum();
            parts.add(runFailures + (runFailures == 1 ? " failure" : " failures") + " in " + failedRuns + " of "
                    + result.runs().size() + " runs");
        }
        if (!result.allowMissing() && !result.matching().onlyBaseline().isEmpty()) {
            parts.add(result.matching().onlyBaseline().size() + " baseline runs missing from the current input");
        }
        return "compare: FAILED: " + String.join(", ", parts) + " (" + counts + ")";
    }

    /** {@code ok}, or {@code 2 failures}. */
    static String summary(RunComparison run) {
        int failures = run.failures();
        return failures == 0 ? "ok" : failures + (failures == 1 ? " failure" : " failures");
    }

    private static void printAligned(List<String[]> rows, PrintWriter out) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line);
        }
    }
}
