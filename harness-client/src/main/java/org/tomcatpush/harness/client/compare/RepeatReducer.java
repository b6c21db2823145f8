package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepColumns;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Reduces repeated runs of one configuration to one row, so a noisy machine does not decide a
 * verdict: a metric with an allowance takes the median of the repeats; a strict metric (exact,
 * {@code +0}, {@code -0}: exact by design) keeps the worst repeat (the highest for {@code +0}, the
 * lowest for {@code -0}, the one furthest from the median for {@code exact}), so one bad repeat
 * is never hidden, and a warning says the repeats disagreed. Failed repeats are left out of the
 * figures when at least one repeat completed, but the reduced status is the first failure. Stateless.
 */
public final class RepeatReducer {

    /** The column that tells how many runs a reduced row stands for. */
    public static final String REPEATS = "repeats";

    /**
     * Columns that name or describe a run rather than measure or configure it (the results
     * contract's and the extra columns of {@code sweep.csv}): never compared; repeats keep the first
     * value.
     */
    static final Set<String> IDENTITY = Set.of("run_id", "run_dir", SummaryColumns.STATUS, REPEATS, "run_index",
            "run_folder", "failure", "run_wall_s", "attempts");

    private RepeatReducer() {
    }

    /**
     * One row per configuration of {@code rows}, in first-seen order.
     *
     * @param keyColumns the configuration columns that group repeats
     * @param warnings   receives one line per strict metric whose repeats disagree
     */
    public static List<SummaryRow> reduce(List<SummaryRow> rows, List<String> keyColumns, ToleranceSet tolerances,
            Consumer<String> warnings) {
        Map<RunKey, List<SummaryRow>> groups = new LinkedHashMap<>();
        for (SummaryRow row : rows) {
            groups.computeIfAbsent(RunKey.of(row, keyColumns), k -> new ArrayList<>()).add(row);
        }
        List<SummaryRow> reduced = new ArrayList<>();
        for (Map.Entry<RunKey, List<SummaryRow>> group : groups.entrySet()) {
            List<SummaryRow> repeats = group.getValue();
            reduced.add(repeats.size() == 1 ? repeats.get(0)
                    : reduceGroup(group.getKey().label(groups.keySet()), repeats, keyColumns, tolerances, warnings));
        }
        return reduced;
    }

    private static SummaryRow reduceGroup(String label, List<SummaryRow> repeats, List<String> keyColumns,
            ToleranceSet tolerances, Consumer<String> warnings) {
        SummaryRow first = repeats.get(0);
        List<SummaryRow> completed = repeats.stream().filter(SummaryRow::completed).toList();
        List<SummaryRow> measured = completed.isEmpty() ? repeats : completed;
        Set<String> columns = new LinkedHashSet<>();
        repeats.forEach(r -> columns.addAll(r.cells().keySet()));
        Map<String, String> cells = new LinkedHashMap<>();
        for (String column : columns) {
            if (keyColumns.contains(column) || IDENTITY.contains(column)) {
                cells.put(column, first.cell(column));
            } else if (tolerances.forMetric(column, first).compared() || allNumbers(measured, column)) {
                cells.put(column, reduceMetric(label, column, measured, tolerances.forMetric(column, first), warnings));
            } else {
                cells.put(column, first.cell(column));
            }
        }
        if (columns.contains(SummaryColumns.STATUS)) {
            cells.put(SummaryColumns.STATUS, completed.size() == repeats.size() ? SweepColumns.STATUS_COMPLETED
                    : repeats.stream().filter(r -> !r.completed()).findFirst().orElseThrow().cell(SummaryColumns.STATUS));
        }
        cells.put(REPEATS, Integer.toString(repeats.size()));
        return new SummaryRow(first.source() + " and " + (repeats.size() - 1) + " repeats", cells);
    }

    private static String reduceMetric(String label, String column, List<SummaryRow> repeats, Tolerance tolerance,
            Consumer<String> warnings) {
        double[] values = repeats.stream().mapToDouble(r -> r.figure(column)).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return "";
        }
        Arrays.sort(values);
        double median = median(values);
        if (!tolerance.compared() || !tolerance.strict()) {
            return Figures.cell(median);
        }
        double kept = switch (tolerance.direction()) {
            case MAY_NOT_RISE -> values[values.length - 1];
            case MAY_NOT_FALL -> values[0];
            case MAY_NOT_MOVE -> median - values[0] > values[values.length - 1] - median
                    ? values[0] : values[values.length - 1];
        };
        if (values[0] != values[values.length - 1]) {
            List<String> seen = new ArrayList<>();
            repeats.forEach(r -> seen.add(r.cell(column).isEmpty() ? "-" : r.cell(column)));
            warnings.accept(label + ": " + column + " differs between repeats (" + String.join(", ", seen)
                    + "), although it is exact by design: kept " + Figures.cell(kept));
        }
        return Figures.cell(kept);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static boolean allNumbers(List<SummaryRow> rows, String column) {
        boolean any = false;
        for (SummaryRow row : rows) {
            String cell = row.cell(column);
            if (!SummaryRow.isBlankValue(cell)) {
                if (SummaryRow.parse(cell).isEmpty()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
