package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.RunJson;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.results.TimeseriesCsv;

/**
 * Finds the folder a run of the sweep wrote and reads back what the sweep needs from it: the
 * rows of {@code summary.csv} (through {@link ResultsCsv}, so a damaged file fails as it does in
 * every other command), and the status and failure cause from {@code run.json}. Stateless.
 */
public final class RunFolderReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolderReader() {
    }

    /** The committed folder of the run named {@code runName} in {@code runsDir}: {@code <stamp>-<runName>[-N]}. */
    static Optional<Path> find(Path runsDir, String runName) throws IOException {
        Pattern name = Pattern.compile("\\d{8}-\\d{6}-" + Pattern.quote(runName) + "(-\\d+)?");
        try (Stream<Path> entries = Files.list(runsDir)) {
            return entries.filter(Files::isDirectory).filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .sorted().reduce((first, second) -> second);
        }
    }

    /**
     * The rows of the run's summary.csv, column to cell, read through {@link ResultsCsv}; empty when
     * the file is missing (a run that failed early writes none).
     *
     * @throws ResultsInputException when the file is there but damaged (truncated, not CSV, ...)
     */
    public static List<Map<String, String>> summaryRows(Path runDir) {
        Path file = runDir.resolve(SummaryCsv.FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        return ResultsCsv.read(file).rows().stream().map(SummaryRow::cells).toList();
    }

    /** Whether the run's load started: its timeseries.csv has at least one row. */
    static boolean loadStarted(Path runDir) throws IOException {
        Path file = runDir.resolve(TimeseriesCsv.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(1).anyMatch(l -> !l.isBlank());
        }
    }

    /** {@code run.json}'s status and failure; empty when the file is missing or unreadable. */
    static Optional<StatusAndFailure> status(Path runDir) {
        Path file = runDir.resolve(RunJson.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode failure = root.path("failure");
            return Optional.of(new StatusAndFailure(root.path("status").asText("failed"),
                    failure.isNull() || failure.isMissingNode() ? "" : failure.asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A run's status and failure cause as run.json records them. */
    record StatusAndFailure(String status, String failure) {
    }
}
