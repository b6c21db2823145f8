package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tomcatpush.harness.client.thresholds.ThresholdsXml;

/**
 * Writes a run's files into its {@link ResultsFolder} and commits it: {@code summary.csv},
 * {@code timeseries.csv}, {@code server_samples.csv}, {@code run.json} and, when the run has
 * thresholds, {@code thresholds.xml} from the
 * {@link RunResult}; {@code latency.hlog} has been streamed there during the run. Stateless.
 */
public final class ResultsWriter {

    /** The HdrHistogram interval log's file name inside a run folder. */
    public static final String LATENCY_LOG = "latency.hlog";

    private ResultsWriter() {
    }

    /** Writes every file and renames the folder to its final name. @return the final folder */
    public static Path writeAndCommit(RunResult result, ResultsFolder folder) throws IOException {
        write(result, folder);
        return folder.commit();
    }

    /** Writes every result file into the (still hidden) folder, leaving the commit to the caller. */
    public static void write(RunResult result, ResultsFolder folder) throws IOException {
        try (Writer out = writer(folder.file(SummaryCsv.FILE_NAME))) {
            SummaryCsv.write(result, out);
        }
        try (Writer out = writer(folder.file(TimeseriesCsv.FILE_NAME))) {
            TimeseriesCsv.write(result, out);
        }
        try (Writer out = writer(folder.file(ServerSamplesCsv.FILE_NAME))) {
            ServerSamplesCsv.write(result, out);
        }
        try (Writer out = writer(folder.file(RunJson.FILE_NAME))) {
            RunJson.write(result, out);
        }
        if (!result.thresholds().isEmpty()) {
            try (Writer out = writer(folder.file(ThresholdsXml.FILE_NAME))) {
                out.write(ThresholdsXml.render(result.runId(), result.status().label(), result.thresholds(),
                        result.thresholdOutcomes()));
            }
        }
        if (!Files.exists(folder.file(LATENCY_LOG))) {
            // the run failed before the load started: an empty log keeps the folder's file set complete
            LatencyLogHeader.write(folder.file(LATENCY_LOG), result.startedAt().toEpochMilli());
        }
    }

    private static Writer writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
