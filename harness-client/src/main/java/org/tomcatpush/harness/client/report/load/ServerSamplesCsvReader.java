package org.tomcatpush.harness.client.report.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads {@code server_samples.csv}, the server's probe samples at {@code --sample-interval}
 * (finer than the one-second rows of {@code timeseries.csv}). The file is optional: a run folder
 * without it reads as an empty series; a file that is present must be well-formed
 * ({@link ResultsCsv}, else a {@link ResultsInputException}). Its
 * {@code elapsed_ms} becomes the series' {@code elapsed_s}, so it shares the time axis of every
 * other chart.
 */
public final class ServerSamplesCsvReader {

    public static final String FILE_NAME = "server_samples.csv";
    public static final String ELAPSED_MS = "elapsed_ms";

    private static final Set<String> CORE = Set.of(TimeSeries.EPOCH_MS, ELAPSED_MS, TimeSeries.BUSY_THREADS,
            TimeSeries.QUEUE_LENGTH, TimeSeries.SAMPLE_CONNECTIONS, TimeSeries.SAMPLE_ASYNC_IN_FLIGHT,
            TimeSeries.SAMPLE_WS_SESSIONS);

    private ServerSamplesCsvReader() {
    }

    /** Reads {@code file}, or returns an empty series when it does not exist. */
    public static TimeSeries readIfPresent(Path file) {
        if (!Files.exists(file)) {
            return TimeSeries.empty();
        }
        Map<String, double[]> read = TimeSeriesCsvReader.numericColumns(ResultsCsv.read(file), CORE);
        double[] elapsedMs = read.get(ELAPSED_MS);
        if (elapsedMs == null) {
            return new TimeSeries(read);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        double[] elapsedS = new double[elapsedMs.length];
        for (int i = 0; i < elapsedMs.length; i++) {
            elapsedS[i] = elapsedMs[i] / 1000.0;
        }
        columns.put(TimeSeries.ELAPSED_S, elapsedS);
        read.forEach((name, values) -> {
            if (!name.equals(ELAPSED_MS)) {
                columns.put(name, values);
            }
        });
        return new TimeSeries(columns);
    }
}
