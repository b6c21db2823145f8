package org.tomcatpush.harness.client.report.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;

/**
 * Reads {@code timeseries.csv} into a {@link TimeSeries}. Blank and {@code n/a} cells become gaps.
 * A non-number in one of the core columns makes the file corrupt; any other column holding text
 * is left out (it cannot be charted).
 */
public final class TimeSeriesCsvReader {

    public static final String FILE_NAME = "timeseries.csv";

    private static final Set<String> CORE = Set.of(TimeSeries.ELAPSED_S, TimeSeries.EPOCH_MS,
            TimeSeries.SESSIONS, TimeSeries.MESSAGES_PER_S, TimeSeries.REQUESTS_PER_S, TimeSeries.BUSY_THREADS,
            TimeSeries.QUEUE_LENGTH, TimeSeries.SERVER_CONNECTIONS, TimeSeries.RECONNECTS, TimeSeries.ERRORS,
            TimeSeries.CLIENT_CONNECTIONS, TimeSeries.CONNECT_FAILURES, TimeSeries.LATENCY_P99_MS);

    private TimeSeriesCsvReader() {
    }

    /** Reads the numeric columns of {@code file}. */
    public static TimeSeries read(Path file) throws ReportInputException {
        return new TimeSeries(numericColumns(CsvTable.read(file), CORE));
    }

    /**
     * The numeric columns of {@code table}, in file order: a non-number in a {@code core} column
     * makes the file corrupt, a column of any other name holding text is left out.
     */
    static Map<String, double[]> numericColumns(CsvTable table, Set<String> core) throws ReportInputException {
        Path file = table.file();
        List<Map<String, String>> rows = table.rows();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String column : table.columns()) {
            double[] values = new double[rows.size()];
            boolean numeric = true;
            for (int i = 0; i < rows.size() && numeric; i++) {
                String cell = rows.get(i).get(column);
                if (SummaryRow.isBlankValue(cell)) {
                    values[i] = Double.NaN;
                    continue;
                }
                OptionalDouble v = SummaryRow.parse(cell);
                if (v.isPresent()) {
                    values[i] = v.getAsDouble();
                } else if (core.contains(column)) {
                    throw InputFiles.corrupt(file, "row " + (i + 1) + ", column " + column + ": '" + cell
                            + "' is not a number");
                } else {
                    numeric = false;
                }
            }
            if (numeric) {
                columns.put(column, values);
            }
        }
        return columns;
    }
}
