package org.tomcatpush.harness.client.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Repeated runs reduced to one row per configuration, as {@link RepeatReducer} reduces them before
 * comparing (medians of the figures with an allowance, the worst repeat of those exact by design),
 * each row saying how many runs it stands for ({@link RepeatReducer#REPEATS}): what
 * {@code harness compare medians} writes as the {@code summary.csv} a baseline is refreshed with.
 * Immutable.
 *
 * @param columns  the columns of the inputs, in first-seen order
 * @param runs     how many runs the inputs held
 * @param rows     one row per configuration, in first-seen order
 * @param warnings one line per exact-by-design figure whose repeats disagreed
 */
public record Medians(List<String> columns, int runs, List<SummaryRow> rows, List<String> warnings) {

    public Medians {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads every input (anything {@code harness compare} reads) and reduces its runs.
     *
     * @param tolerances says which columns configure a run and which figures are exact by design
     * @throws ResultsInputException when an input cannot be read
     */
    public static Medians of(List<Path> inputs, ToleranceSet tolerances) {
        Set<String> columns = new LinkedHashSet<>();
        List<SummaryRow> rows = new ArrayList<>();
        for (Path input : inputs) {
            RunTable table = DerivedMetrics.addTo(RunTable.read(input));
            columns.addAll(table.columns());
            rows.addAll(table.rows());
        }
        List<String> keyColumns = tolerances.configColumnsIn(columns);
        List<String> warnings = new ArrayList<>();
        List<SummaryRow> reduced = new ArrayList<>();
        for (SummaryRow row : RepeatReducer.reduce(rows, keyColumns, tolerances, warnings::add)) {
            reduced.add(row.has(RepeatReducer.REPEATS) ? row : row.with(RepeatReducer.REPEATS, "1"));
        }
        return new Medians(List.copyOf(columns), rows.size(), reduced, warnings);
    }

    /** The reduced rows as summary.csv text, which compare reads back. */
    public String csv() {
        return MediansCsv.render(columns, rows);
    }
}
