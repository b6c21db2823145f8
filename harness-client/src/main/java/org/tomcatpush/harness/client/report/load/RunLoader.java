package org.tomcatpush.harness.client.report.load;

import java.nio.file.Files;
import java.nio.file.Path;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.ServerSamplesCsv;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.results.TimeseriesCsv;

/**
 * Reads a run folder ({@code summary.csv}, {@code timeseries.csv}, {@code latency.hlog},
 * {@code run.json}, and {@code server_samples.csv} when present) into an immutable
 * {@link RunData}. The first four are required; the first file that is missing or damaged stops
 * the load with a {@link ResultsInputException} naming it. {@code summary.csv} needs at least one
 * row, and its core numeric columns numbers (or blank, or {@code n/a}).
 *
 * <pre>
 * RunData run = RunLoader.load(Path.of("results/runs/20260101-120000-sse"));
 * </pre>
 */
public final class RunLoader {

    private RunLoader() {
    }

    /** Loads the run in {@code runDir}. */
    public static RunData load(Path runDir) throws ResultsInputException {
        if (!Files.isDirectory(runDir)) {
            throw new ResultsInputException(runDir, Files.exists(runDir) ? "is not a folder" : "does not exist",
                    ResultsInputException.FIX_MISSING);
        }
        return new RunData(runDir,
                RunJsonReader.read(runDir.resolve(RunJsonReader.FILE_NAME)),
                ResultsCsv.read(runDir.resolve(SummaryCsv.FILE_NAME)).requireRows()
                        .requireNumbers(SummaryColumns.NUMERIC).rows(),
                TimeSeriesReader.timeseries(runDir.resolve(TimeseriesCsv.FILE_NAME)),
                LatencyLogReader.read(runDir.resolve(LatencyLogReader.FILE_NAME)),
                TimeSeriesReader.serverSamplesIfPresent(runDir.resolve(ServerSamplesCsv.FILE_NAME)));
    }
}
