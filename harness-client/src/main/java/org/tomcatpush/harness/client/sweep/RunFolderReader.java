package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepColumns;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
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
     * What the run of {@code c} left in {@code runDir}, as the sweep records it: its status and
     * failure from {@code run.json}, its summary rows. A damaged {@code summary.csv} makes the run
     * failed, with the reader's one line (the same every command prints for that file) as its cause.
     *
     * @param thrown why the run could not be carried out, or null when it could
     * @throws IOException when the folder cannot be read at all
     */
    public static RunRecord record(Combination c, Path runDir, String thrown, Duration wall) throws IOException {
        String folder = runDir.getFileName().toString();
        List<Map<String, String>> rows;
        try {
            rows = summaryRows(runDir);
        } catch (ResultsInputException damaged) {
            return new RunRecord(c, SweepColumns.STATUS_FAILED, damaged.getMessage(), folder, wall, List.of(), 1, true);
        }
        StatusAndFailure status = status(runDir).orElse(
                new StatusAndFailure(SweepColumns.STATUS_FAILED, "run.json is missing"));
        String failure = status.failure().isEmpty() && thrown != null ? thrown : status.failure();
        String label = thrown != null ? SweepColumns.STATUS_FAILED : status.status();
        return new RunRecord(c, label, failure, folder, wall, rows, 1, loadStarted(runDir));
    }

    /**
     * The rows of the run's summary.csv, column to cell, read through {@link ResultsCsv}; empty when
     * the file is missing (a run that failed early writes none).
     *
     * @throws ResultsInputException when the file is there but damaged (truncated, not CSV, ...)
     */
    private static List<Map<String, String>> summaryRows(Path runDir) {
        Path file = runDir.resolve(SummaryCsv.FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        return ResultsCsv.read(file).rows().stream().map(SummaryRow::cells).toList();
    }

    /** Whether the run's load started: its timeseries.csv has at least one row. */
    private static boolean loadStarted(Path runDir) throws IOException {
        Path file = runDir.resolve(TimeseriesCsv.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(1).anyMatch(l -> !l.isBlank());
        }
    }

    /** {@code run.json}'s status and failure; empty when the file is missing or unreadable. */
    private static Optional<StatusAndFailure> status(Path runDir) {
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
    private record StatusAndFailure(String status, String failure) {
    }
}
