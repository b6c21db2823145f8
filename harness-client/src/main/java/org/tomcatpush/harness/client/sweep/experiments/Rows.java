package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepColumns;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.results.Figures;

/** Reading figures out of sweep rows for the evaluators. Stateless. */
final class Rows {

    private Rows() {
    }

    /** The cell as a number; NaN when absent. */
    static double num(SummaryRow row, String column) {
        return row.numberOr(column, Double.NaN);
    }

    /** A figure for a table or an observation; {@code n/a} for NaN. */
    static String fmt(double value) {
        return Figures.display(value);
    }

    /** The cell formatted; {@code n/a} when absent. */
    static String fmt(SummaryRow row, String column) {
        return Figures.display(row.number(column));
    }

    /** Completed rows of the given transports, in sweep order ({@code all} rows of mixes left out). */
    static List<SummaryRow> completed(SweepTable sweep, String... transports) {
        List<String> wanted = List.of(transports);
        return sweep.completedRows().stream()
                .filter(r -> !r.isAllTransports())
                .filter(r -> wanted.isEmpty() || wanted.contains(r.transport())).toList();
    }

    /** Requests per minute per session: requests / sessions / measured minutes. */
    static double requestsPerMinutePerSession(SummaryRow row) {
        double seconds = row.number("measured_duration_s").orElse(num(row, SummaryColumns.DURATION_S));
        return num(row, SummaryColumns.REQUESTS) / num(row, SummaryColumns.SESSIONS) / (seconds / 60.0);
    }

    /** Whether a number was recorded. */
    static boolean known(double value) {
        return !Double.isNaN(value);
    }

    /** One note per run of the sweep that did not complete, with its cause. */
    static List<String> incompleteRuns(SweepTable sweep) {
        return sweep.unsuccessfulRuns().stream().map(r -> "run " + r.text(SweepColumns.RUN_INDEX).orElse("?") + " ("
                + r.text(SweepColumns.STATUS).orElse("failed") + ") is left out: "
                + r.text(SweepColumns.FAILURE).orElse("no cause recorded")).toList();
    }
}
