package org.tomcatpush.harness.client.report.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Reads {@code summary.csv}: at least one row; every core numeric column that is present holds a
 * number, or is blank or {@code n/a}. Columns are matched by name, so added or reordered columns
 * are fine.
 */
public final class SummaryCsvReader {

    public static final String FILE_NAME = "summary.csv";

    private SummaryCsvReader() {
    }

    /** Reads the rows of {@code file}. */
    public static List<SummaryRow> read(Path file) throws ReportInputException {
        CsvTable table = CsvTable.read(file);
        if (table.rows().isEmpty()) {
            throw InputFiles.corrupt(file, "has a header but no rows");
        }
        List<SummaryRow> rows = new ArrayList<>(table.rows().size());
        for (int i = 0; i < table.rows().size(); i++) {
            Map<String, String> cells = table.rows().get(i);
            for (String column : SummaryColumns.NUMERIC) {
                String value = cells.get(column);
                if (value != null && !SummaryRow.isBlankValue(value) && SummaryRow.parse(value).isEmpty()) {
                    throw InputFiles.corrupt(file, "row " + (i + 1) + ", column " + column + ": '" + value
                            + "' is not a number");
                }
            }
            rows.add(new SummaryRow(cells));
        }
        return rows;
    }
}
