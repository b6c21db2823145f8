package org.tomcatpush.harness.client.report.load;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads {@code timeseries.csv} through {@link ResultsCsv} into a {@link TimeSeries}. Blank and
 * {@code n/a} cells become gaps. A non-number in one of the core columns makes the file damaged;
 * any other column holding text is left out (it cannot be charted).
 */
public final class TimeSeriesCsvReader {

    public static final String FILE_NAME = "timeseries.csv";

    private static final Set<String> CORE = Set.of(TimeSeries.ELAPSED_S, TimeSeries.EPOCH_MS,
            TimeSeries.SESSIONS, TimeSeries.MESSAGES_PER_S, TimeSeries.REQUESTS_PER_S, TimeSeries.BUSY_THREADS,
            TimeSeries.QUEUE_LENGTH, TimeSeries.SERVER_CONNECTIONS, TimeSeries.RECONNECTS, TimeSeries.ERRORS,
            TimeSeries.CLIENT_CONNECTIONS, TimeSeries.CONNECT_FAILURES, TimeSeries.LATENCY_P99_MS);

    private TimeSeriesCsvReader() {
    }

    /** Reads the numeric columns of {@code file}. @throws ResultsInputException naming the file and the fix */
    public static TimeSeries read(Path file) {
        return new TimeSeries(numericColumns(ResultsCsv.read(file), CORE));
    }

    /**
     * The numeric columns of {@code table}, in file order: a non-number in a {@code core} column
     * makes the file damaged, a column of any other name holding text is left out.
     */
    static Map<String, double[]> numericColumns(ResultsCsv.Table table, Set<String> core) {
        List<SummaryRow> rows = table.requireNumbers(core).rows();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String column : table.columns()) {
            double[] values = new double[rows.size()];
            boolean numeric = true;
            for (int i = 0; i < rows.size() && numeric; i++) {
                String cell = rows.get(i).cell(column);
                if (SummaryRow.isBlankValue(cell)) {
                    values[i] = Double.NaN;
                    continue;
                }
                OptionalDouble v = SummaryRow.parse(cell);
                numeric = v.isPresent();
                values[i] = v.orElse(Double.NaN);
            }
            if (numeric) {
                columns.put(column, values);
            }
        }
        return columns;
    }
}
