package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Writes reduced runs as a {@code summary.csv} that compare reads back: the columns of the inputs
 * in first-seen order, then {@code repeats}; an empty cell where a run has no such column. Stateless.
 */
public final class MediansCsv {

    private MediansCsv() {
    }

    /** The CSV text of {@code rows}. */
    public static String render(List<String> inputColumns, List<SummaryRow> rows) {
        Set<String> columns = new LinkedHashSet<>(inputColumns);
        rows.forEach(r -> columns.addAll(r.cells().keySet()));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (SummaryRow row : rows) {
                for (String column : columns) {
                    printer.print(row.cell(column));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
