package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's files into its {@link ResultsFolder} and commits it: {@code summary.csv},
 * {@code timeseries.csv}, {@code server_samples.csv} and {@code run.json} from the
 * {@link RunResult}; {@code latency.hlog} has been streamed there during the run. Stateless.
 */
public final class ResultsWriter {

    /** The HdrHistogram interval log's file name inside a run folder. */
    public static final String LATENCY_LOG = "latency.hlog";

    private ResultsWriter() {
    }

    /** Writes every file and renames the folder to its final name. @return the final folder */
    public static Path writeAndCommit(RunResult result, ResultsFolder folder) throws IOException {
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
        if (!Files.exists(folder.file(LATENCY_LOG))) {
            // the run failed before the load started: an empty log keeps the folder's file set complete
            LatencyLogHeader.write(folder.file(LATENCY_LOG), result.startedAt().toEpochMilli());
        }
        return folder.commit();
    }

    private static Writer writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
