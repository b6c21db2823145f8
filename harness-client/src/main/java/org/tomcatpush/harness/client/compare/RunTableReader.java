package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the runs of one input: a {@code summary.csv} (one run, one row per transport), a
 * {@code sweep.csv} or a concatenation of summaries (a header line inside the file starts a new
 * section, so {@code cat a/summary.csv b/summary.csv} works), a run folder, a sweep folder, or
 * a folder of run folders. A folder is read as its {@code sweep.csv}, else its {@code summary.csv},
 * else the {@code summary.csv} of each of its folders (hidden and partial folders skipped). Every
 * problem (missing, empty or truncated file, missing column) is a {@link CompareInputException}.
 * Stateless.
 */
public final class RunTableReader {

    /** The configuration columns of the results contract: every harness results file has them. */
    public static final List<String> REQUIRED_COLUMNS = List.of("transport", "handler", "sessions", "protocol",
            "max_threads", "max_connections", "accept_count", "keep_alive_timeout_ms", "max_keep_alive_requests");

    static final String SUMMARY = "summary.csv";
    static final String SWEEP = "sweep.csv";
    private static final String FIX = "give the summary.csv of a run, a sweep.csv, or a run or sweep folder";

    private RunTableReader() {
    }

    /**
     * Reads {@code input}.
     *
     * @param role {@code baseline} or {@code current}, for messages
     * @throws CompareInputException naming the input and the fix
     */
    public static RunTable read(String role, Path input) {
        String label = role + " " + input;
        if (!Files.exists(input)) {
            throw new CompareInputException(label + " does not exist: " + FIX);
        }
        List<Path> files = Files.isDirectory(input) ? filesIn(label, input) : List.of(input);
        Set<String> columns = new LinkedHashSet<>();
        List<RunRow> rows = new ArrayList<>();
        for (Path file : files) {
            readFile(role + " " + file, file, columns, rows);
        }
        return new RunTable(input.toString(), List.copyOf(columns), rows);
    }

    private static List<Path> filesIn(String label, Path folder) {
        Path own = own(folder);
        if (own != null) {
            return List.of(own);
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && !name.startsWith(".")) {
                    Path file = own(child);
                    if (file != null) {
                        files.add(file);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CompareInputException(label + " cannot be listed (" + e.getMessage() + "): check its permissions");
        }
        if (files.isEmpty()) {
            throw new CompareInputException(label + " holds no " + SWEEP + " or " + SUMMARY
                    + ", neither do its folders: " + FIX);
        }
        return files;
    }

    private static Path own(Path folder) {
        for (String name : List.of(SWEEP, SUMMARY)) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    private static void readFile(String label, Path file, Set<String> columns, List<RunRow> rows) {
        int before = rows.size();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (isHeader(cells)) {
                    header = header(label, record.getRecordNumber(), cells);
                    columns.addAll(header);
                    continue;
                }
                if (header == null) {
                    throw new CompareInputException(label + " does not start with a header line (run_id,transport,handler,...): "
                            + FIX);
                }
                if (cells.size() != header.size()) {
                    throw new CompareInputException(label + " line " + record.getRecordNumber() + " has " + cells.size()
                            + " cells but the header has " + header.size() + ": the file is truncated or damaged;"
                            + " write it again (rerun, or restore it from version control)");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(new RunRow(label + " line " + record.getRecordNumber(), row));
            }
            if (header == null) {
                throw new CompareInputException(label + " is empty: " + FIX);
            }
        } catch (NoSuchFileException e) {
            throw new CompareInputException(label + " does not exist: " + FIX);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a quote left open at the end of the file as an unchecked error
            throw new CompareInputException(label + " cannot be read as CSV (" + firstLine(e.getMessage())
                    + "): the file is truncated or damaged; write it again");
        }
        if (rows.size() == before) {
            throw new CompareInputException(label + " has a header but no runs: the run wrote no rows; rerun it");
        }
    }

    /** A header names the columns; no run has the value {@code transport} or {@code handler}. */
    private static boolean isHeader(List<String> cells) {
        boolean transport = false;
        boolean handler = false;
        for (String cell : cells) {
            transport |= cell.strip().equals("transport");
            handler |= cell.strip().equals("handler");
        }
        return transport || handler;
    }

    private static List<String> header(String label, long line, List<String> cells) {
        List<String> header = cells.stream().map(String::strip).toList();
        for (String required : REQUIRED_COLUMNS) {
            if (!header.contains(required)) {
                throw new CompareInputException(label + " line " + line + " has no column '" + required
                        + "': " + FIX);
            }
        }
        if (new LinkedHashSet<>(header).size() != header.size()) {
            throw new CompareInputException(label + " line " + line + " names a column twice: " + FIX);
        }
        return header;
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown error" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
