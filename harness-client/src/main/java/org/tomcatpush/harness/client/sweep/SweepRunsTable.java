package org.tomcatpush.harness.client.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.results.Figures;

/**
 * The table {@code harness sweep} ends with on stdout: one line per run, the values of the keys
 * the sweep varies, its status, sessions opened/planned, requests, connections, reconnects,
 * delivery latency p50/p99 and the most busy worker threads, from the run's {@code summary.csv}
 * (its {@code all} row for a mix), written as the report writes them ({@link Figures#display(double)}:
 * counts exact, the rest to three significant digits); {@code -} where a run wrote none. Columns are aligned: text to the left, figures to the right.
 * Stateless.
 */
public final class SweepRunsTable {

    /** The summary.csv row that stands for a whole run of several transports. */
    private static final String ALL = "all";

    private SweepRunsTable() {
    }

    /** The table's lines (a header, then one per record), without line ends. */
    public static List<String> lines(List<String> sweptKeys, List<RunRecord> records) {
        List<String> header = new ArrayList<>(sweptKeys);
        header.addAll(List.of("status", "sessions", "requests", "conns", "reconnects", "p50 ms", "p99 ms",
                "busy max"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (RunRecord r : records) {
            List<String> row = new ArrayList<>();
            r.combination().swept().forEach(s -> row.add(s.value()));
            Map<String, String> summary = runRow(r.summaryRows());
            row.add(r.status());
            row.add(summary.isEmpty() ? "-"
                    : cell(summary, "sessions_opened", false) + "/" + cell(summary, "sessions", false));
            row.add(cell(summary, "requests", true));
            row.add(cell(summary, "connections_opened", true));
            row.add(cell(summary, "reconnects", true));
            row.add(cell(summary, "latency_p50_ms", true));
            row.add(cell(summary, "latency_p99_ms", true));
            row.add(cell(summary, "busy_threads_max", true));
            rows.add(row);
        }
        int textColumns = sweptKeys.size() + 1;
        int[] width = new int[header.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        });
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String pad = " ".repeat(width[i] - row.get(i).length());
                line.append(i == 0 ? "" : "  ").append(i < textColumns ? row.get(i) + pad : pad + row.get(i));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The run's own row: {@code all} when it has one (a mix), else its only row; empty when it wrote none. */
    private static Map<String, String> runRow(List<Map<String, String>> summaryRows) {
        for (Map<String, String> row : summaryRows) {
            if (ALL.equals(row.get("transport"))) {
                return row;
            }
        }
        return summaryRows.isEmpty() ? Map.of() : summaryRows.get(0);
    }

    private static String cell(Map<String, String> row, String column, boolean rounded) {
        String text = row.getOrDefault(column, "").strip();
        if (text.isEmpty()) {
            return "-";
        }
        try {
            double value = Double.parseDouble(text);
            if (value < 0) {
                return "-"; // -1: not known (e.g. busy threads on virtual threads)
            }
            return rounded ? Figures.display(value) : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
