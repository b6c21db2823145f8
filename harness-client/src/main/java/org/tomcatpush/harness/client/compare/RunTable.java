package org.tomcatpush.harness.client.compare;

import java.util.List;

/**
 * The runs read from one side of a comparison (a {@code summary.csv}, a {@code sweep.csv}, a run
 * folder or a folder of run folders). Immutable.
 *
 * @param label   the input as the user gave it, for messages and reports
 * @param columns every column seen, in first-seen order (files may add columns over time)
 * @param rows    the runs, in file order
 */
public record RunTable(String label, List<String> columns, List<RunRow> rows) {

    public RunTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** True when the input has the column (in at least one of its files). */
    public boolean has(String column) {
        return columns.contains(column);
    }
}
