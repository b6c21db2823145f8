package org.tomcatpush.harness.client.report.load;

import java.nio.file.Path;
import java.util.List;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads {@code summary.csv} through {@link ResultsCsv}: at least one row; every core numeric column
 * that is present holds a number, or is blank or {@code n/a}. Columns are matched by name, so added
 * or reordered columns are fine.
 */
public final class SummaryCsvReader {

    public static final String FILE_NAME = "summary.csv";

    private SummaryCsvReader() {
    }

    /** Reads the rows of {@code file}. @throws ResultsInputException naming the file, the line and the fix */
    public static List<SummaryRow> read(Path file) {
        return ResultsCsv.read(file).requireRows().requireNumbers(SummaryColumns.NUMERIC).rows();
    }
}
