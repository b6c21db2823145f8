package org.tomcatpush.harness.client.merge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.tomcatpush.harness.client.report.load.LatencyLogReader;
import org.tomcatpush.harness.client.report.load.RunJsonReader;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.ResultsWriter;
import org.tomcatpush.harness.client.results.RunJson;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.results.TimeseriesCsv;

/**
 * One agent's results folder as {@code harness merge} reads it: {@code run.json} as a tree,
 * {@code summary.csv} and {@code timeseries.csv} as tables, and the interval histograms of
 * {@code latency.hlog} with their tags and absolute start times. Immutable once read; a missing
 * or damaged file stops the read with a {@link ResultsInputException} naming it (the report's
 * own readers check the files first, so the messages are the same as {@code harness report}'s).
 *
 * @param dir        the folder
 * @param runJson    {@code run.json}
 * @param summary    {@code summary.csv}
 * @param timeseries {@code timeseries.csv}
 * @param intervals  the interval histograms of {@code latency.hlog}, in file order
 */
record AgentFolder(Path dir, JsonNode runJson, ResultsCsv.Table summary, ResultsCsv.Table timeseries,
        List<AbstractHistogram> intervals) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AgentFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ResultsInputException(dir, Files.exists(dir) ? "is not a folder" : "does not exist",
                    ResultsInputException.FIX_MISSING);
        }
        Path runJsonFile = dir.resolve(RunJson.FILE_NAME);
        // the report's reader validates the file and words its faults; the tree is then read as is
        RunJsonReader.read(runJsonFile);
        JsonNode runJson;
        try {
            runJson = JSON.readTree(runJsonFile.toFile());
        } catch (IOException e) {
            throw ResultsInputException.damaged(runJsonFile, "is not valid JSON (" + ResultsInputException.describe(e)
                    + ")", e);
        }
        ResultsCsv.Table summary = ResultsCsv.read(dir.resolve(SummaryCsv.FILE_NAME), "run_id", "transport")
                .requireRows().requireNumbers(SummaryColumns.NUMERIC);
        ResultsCsv.Table timeseries = ResultsCsv.read(dir.resolve(TimeseriesCsv.FILE_NAME), "epoch_ms");
        Path log = dir.resolve(ResultsWriter.LATENCY_LOG);
        LatencyLogReader.read(log);
        return new AgentFolder(dir, runJson, summary, timeseries, intervals(log));
    }

    /** The run id {@code run.json} names, else the folder's name. */
    String runId() {
        return runJson.path("runId").asText(dir.getFileName().toString());
    }

    long startEpochMs() {
        return runJson.path("startEpochMs").asLong();
    }

    long endEpochMs() {
        return runJson.path("endEpochMs").asLong();
    }

    /** The agent's host when its {@code run.json} names one, else {@code null}. */
    String host() {
        for (JsonNode candidate : List.of(runJson.path("agent").path("host"), runJson.path("environment").path("host"),
                runJson.path("environment").path("hostname"))) {
            if (candidate.isTextual()) {
                return candidate.asText();
            }
        }
        return null;
    }

    /** {@code run.json}'s {@code agent} object (index and count of a sliced run), or missing when it has none. */
    JsonNode agent() {
        return runJson.path("agent");
    }

    private static List<AbstractHistogram> intervals(Path log) {
        List<AbstractHistogram> intervals = new ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            try {
                EncodableHistogram interval;
                while ((interval = reader.nextIntervalHistogram()) != null) {
                    intervals.add((AbstractHistogram) interval);
                }
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            throw ResultsInputException.damaged(log, "is not a readable HdrHistogram log ("
                    + ResultsInputException.describe(e) + ")", e);
        }
        return intervals;
    }
}
