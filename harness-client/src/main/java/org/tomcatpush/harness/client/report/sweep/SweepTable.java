package org.tomcatpush.harness.client.report.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * A sweep's {@code sweep.csv}, read whole: which keys were swept (in scenario order) and one
 * {@link SummaryRow} per row (a run, or one transport of a mixed run). Immutable. The sweep page
 * and the experiment evaluators read sweeps through this, never through live state.
 *
 * <pre>
 * SweepTable sweep = SweepTable.read(sweepDir.resolve(SweepColumns.FILE_NAME));
 * for (SummaryRow row : sweep.completedRows()) {
 *     String threads = sweep.sweptValue(row, "max-threads").orElse("?");
 * }
 * </pre>
 *
 * @param file       the file read
 * @param sweptKeys  the swept keys, in scenario order (without the {@code swept.} prefix)
 * @param rows       every row, in file order
 */
public record SweepTable(Path file, List<String> sweptKeys, List<SummaryRow> rows) {

    public SweepTable {
        sweptKeys = List.copyOf(sweptKeys);
        rows = List.copyOf(rows);
    }

    /** Reads {@code sweep.csv} through {@link ResultsCsv}. @throws ResultsInputException naming the file and the fix */
    public static SweepTable read(Path file) {
        ResultsCsv.Table table = ResultsCsv.read(file, SweepColumns.RUN_INDEX, SweepColumns.STATUS);
        List<String> swept = table.columns().stream().filter(c -> c.startsWith(SweepColumns.SWEPT_PREFIX))
                .map(c -> c.substring(SweepColumns.SWEPT_PREFIX.length())).toList();
        return new SweepTable(file, swept, table.rows());
    }

    /** The value {@code key} had in the run of {@code row}. */
    public Optional<String> sweptValue(SummaryRow row, String key) {
        return row.text(SweepColumns.swept(key));
    }

    /**
     * Rows of runs whose figures are complete: completed, also with a threshold breached (failed,
     * interrupted and skipped runs left out).
     */
    public List<SummaryRow> completedRows() {
        return rows.stream().filter(SweepTable::completed).toList();
    }

    /** Whether the run of {@code row} completed (a breached threshold does not make its figures partial). */
    public static boolean completed(SummaryRow row) {
        return row.text(SweepColumns.STATUS).isPresent() && row.completed();
    }

    /** The number of runs (rows of a mixed run share their index). */
    public int runCount() {
        return runIndices().size();
    }

    /** Runs whose status is not {@code completed}, one row each (the first of the run). */
    public List<SummaryRow> unsuccessfulRuns() {
        Map<String, SummaryRow> byRun = new LinkedHashMap<>();
        for (SummaryRow row : rows) {
            if (!completed(row)) {
                byRun.putIfAbsent(row.text(SweepColumns.RUN_INDEX).orElse(""), row);
            }
        }
        return List.copyOf(byRun.values());
    }

    /** Whether any row is the {@code all} row of a mixed run. */
    public boolean hasMixedRuns() {
        return rows.stream().anyMatch(r -> SummaryColumns.ALL_TRANSPORTS.equals(r.transport()));
    }

    /** The distinct values each swept key took, in order of first appearance. */
    public List<String> values(String key) {
        Set<String> values = new LinkedHashSet<>();
        rows.forEach(r -> sweptValue(r, key).ifPresent(values::add));
        return List.copyOf(values);
    }

    private Set<String> runIndices() {
        Set<String> runs = new LinkedHashSet<>();
        rows.forEach(r -> runs.add(r.text(SweepColumns.RUN_INDEX).orElse("")));
        return runs;
    }
}
