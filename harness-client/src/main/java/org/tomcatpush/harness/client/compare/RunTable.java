package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * The runs read from one side of a comparison. Immutable. {@link #read} takes a {@code summary.csv}
 * (one run, one row per transport), a {@code sweep.csv} or a concatenation of summaries (a header
 * line inside the file starts a new section, so {@code cat a/summary.csv b/summary.csv} works), a
 * run folder, a sweep folder, or a folder of run folders, every file through {@link ResultsCsv}.
 *
 * @param label   the input as the user gave it, for messages and reports
 * @param columns every column seen, in first-seen order (files may add columns over time)
 * @param rows    the runs, in file order
 */
public record RunTable(String label, List<String> columns, List<SummaryRow> rows) {

    /** The configuration columns of the results contract: every harness results file has them. */
    public static final List<String> REQUIRED_COLUMNS = List.of(SummaryColumns.TRANSPORT, SummaryColumns.HANDLER,
            SummaryColumns.SESSIONS, SummaryColumns.PROTOCOL, SummaryColumns.MAX_THREADS,
            SummaryColumns.MAX_CONNECTIONS, SummaryColumns.ACCEPT_COUNT, SummaryColumns.KEEP_ALIVE_TIMEOUT_MS,
            SummaryColumns.MAX_KEEP_ALIVE_REQUESTS);

    private static final List<String> OWN_FILES = List.of("sweep.csv", "summary.csv");
    private static final String FIX = "give the summary.csv of a run, a sweep.csv, or a run or sweep folder";

    public RunTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** True when the input has the column (in at least one of its files). */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /**
     * Reads {@code input}: a file, or a folder as its {@code sweep.csv}, else its {@code summary.csv},
     * else the {@code summary.csv} of each of its folders (hidden and partial folders skipped).
     *
     * @throws ResultsInputException naming the file (and line) at fault and the fix
     */
    public static RunTable read(Path input) {
        if (!Files.exists(input)) {
            throw new ResultsInputException(input, "does not exist", FIX);
        }
        Set<String> columns = new LinkedHashSet<>();
        List<SummaryRow> rows = new ArrayList<>();
        for (Path file : Files.isDirectory(input) ? filesIn(input) : List.of(input)) {
            ResultsCsv.Table table = ResultsCsv.readSections(file, REQUIRED_COLUMNS).requireRows();
            columns.addAll(table.columns());
            rows.addAll(table.rows());
        }
        return new RunTable(input.toString(), List.copyOf(columns), rows);
    }

    private static List<Path> filesIn(Path folder) {
        Path own = own(folder);
        if (own != null) {
            return List.of(own);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                Path file = Files.isDirectory(child) && !child.getFileName().toString().startsWith(".") ? own(child)
                        : null;
                if (file != null) {
                    files.add(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ResultsInputException(folder, "cannot be listed (" + ResultsInputException.describe(e) + ")",
                    "check its permissions");
        }
        if (files.isEmpty()) {
            throw new ResultsInputException(folder, "holds no sweep.csv or summary.csv, neither do its folders", FIX);
        }
        return files;
    }

    private static Path own(Path folder) {
        return OWN_FILES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst().orElse(null);
    }
}
