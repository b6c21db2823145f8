package org.tomcatpush.harness.client.report.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads {@code timeseries.csv} and {@code server_samples.csv} through {@link ResultsCsv} into
 * {@link TimeSeries}. Blank and {@code n/a} cells become gaps. A non-number in one of the core
 * columns makes the file damaged ({@link ResultsInputException}); any other column holding text is
 * left out (it cannot be charted).
 */
final class TimeSeriesReader {

    private static final Set<String> CORE = Set.of(TimeSeries.ELAPSED_S, TimeSeries.EPOCH_MS,
            TimeSeries.SESSIONS, TimeSeries.MESSAGES_PER_S, TimeSeries.REQUESTS_PER_S, TimeSeries.BUSY_THREADS,
            TimeSeries.QUEUE_LENGTH, TimeSeries.SERVER_CONNECTIONS, TimeSeries.RECONNECTS, TimeSeries.ERRORS,
            TimeSeries.CLIENT_CONNECTIONS, TimeSeries.CONNECT_FAILURES, TimeSeries.LATENCY_P99_MS);

    private static final String ELAPSED_MS = "elapsed_ms";
    private static final Set<String> SAMPLES_CORE = Set.of(TimeSeries.EPOCH_MS, ELAPSED_MS, TimeSeries.BUSY_THREADS,
            TimeSeries.QUEUE_LENGTH, TimeSeries.SAMPLE_CONNECTIONS, TimeSeries.SAMPLE_ASYNC_IN_FLIGHT,
            TimeSeries.SAMPLE_WS_SESSIONS);

    private TimeSeriesReader() {
    }

    /** Reads the numeric columns of {@code timeseries.csv}. */
    static TimeSeries timeseries(Path file) {
        return new TimeSeries(numericColumns(ResultsCsv.read(file), CORE));
    }

    /**
     * Reads {@code server_samples.csv}, the server's probe samples at {@code --sample-interval}
     * (finer than the one-second rows of {@code timeseries.csv}), or returns an empty series when
     * the file does not exist (it is optional). Its {@code elapsed_ms} becomes the series'
     * {@code elapsed_s}, so it shares the time axis of every other chart.
     */
    static TimeSeries serverSamplesIfPresent(Path file) {
        if (!Files.exists(file)) {
            return TimeSeries.empty();
        }
        Map<String, double[]> read = numericColumns(ResultsCsv.read(file), SAMPLES_CORE);
        double[] elapsedMs = read.remove(ELAPSED_MS);
        if (elapsedMs == null) {
            return new TimeSeries(read);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        double[] elapsedS = new double[elapsedMs.length];
        for (int i = 0; i < elapsedMs.length; i++) {
            elapsedS[i] = elapsedMs[i] / 1000.0;
        }
        columns.put(TimeSeries.ELAPSED_S, elapsedS);
        columns.putAll(read);
        return new TimeSeries(columns);
    }

    /**
     * The numeric columns of {@code table}, in file order: a non-number in a {@code core} column
     * makes the file damaged, a column of any other name holding text is left out.
     */
    private static Map<String, double[]> numericColumns(ResultsCsv.Table table, Set<String> core) {
        List<SummaryRow> rows = table.requireNumbers(core).rows();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (String column : table.columns()) {
            double[] values = new double[rows.size()];
            boolean numeric = true;
            for (int i = 0; i < rows.size() && numeric; i++) {
                String cell = rows.get(i).cell(column);
                OptionalDouble v = SummaryRow.isBlankValue(cell) ? OptionalDouble.of(Double.NaN)
                        : SummaryRow.parse(cell);
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
