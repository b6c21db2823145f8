package org.tomcatpush.harness.client.report.load;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * The one reader of every harness results CSV file ({@code summary.csv}, {@code sweep.csv},
 * {@code timeseries.csv}, {@code server_samples.csv}, and what {@code harness compare} reads), with
 * one strictness: UTF-8, a header line, no column named twice, every record as many fields as its
 * header (a shorter one is what a crash mid-write leaves, so the file is damaged rather than
 * silently short). Every problem is a {@link ResultsInputException} naming the file and line, so a
 * damaged file reads the same in every command. Stateless.
 *
 * <pre>
 * ResultsCsv.Table summary = ResultsCsv.read(runDir.resolve("summary.csv")).requireRows();
 * double p99 = summary.rows().get(0).figure("latency_p99_ms");
 * </pre>
 */
public final class ResultsCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private ResultsCsv() {
    }

    /**
     * A results file read whole. Immutable.
     *
     * @param file    the file read
     * @param columns every column of its header (of all its headers, in first-seen order)
     * @param rows    its records, in file order, each with its file and line as source
     */
    public record Table(Path file, List<String> columns, List<SummaryRow> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** This table; fails when it has a header but no rows. */
        public Table requireRows() {
            if (rows.isEmpty()) {
                throw new ResultsInputException(file, "has a header but no rows", ResultsInputException.FIX_DAMAGED);
            }
            return this;
        }

        /** This table; fails on the first cell of {@code numeric} that holds something else than a number. */
        public Table requireNumbers(Collection<String> numeric) {
            for (SummaryRow row : rows) {
                for (String column : numeric) {
                    row.figure(column);
                }
            }
            return this;
        }
    }

    /** Reads {@code file}: one header line, then records. */
    public static Table read(Path file, String... requiredColumns) {
        return read(file, false, List.of(requiredColumns));
    }

    /**
     * Reads {@code file}, in which a line that starts with the first header's first column name
     * starts a new section with its own header: summaries joined with {@code cat} read as one table.
     */
    public static Table readSections(Path file, List<String> requiredColumns) {
        return read(file, true, requiredColumns);
    }

    private static Table read(Path file, boolean sections, List<String> required) {
        requireReadable(file);
        String text;
        try {
            // read whole (results files are small) so that each record's line is counted exactly
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ResultsInputException(file, "is not UTF-8 text", ResultsInputException.FIX_DAMAGED, e);
        } catch (IOException e) {
            throw new ResultsInputException(file, "cannot be read (" + ResultsInputException.describe(e) + ")",
                    "check that it is readable", e);
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            List<String> header = null;
            Set<String> columns = new LinkedHashSet<>();
            List<SummaryRow> rows = new ArrayList<>();
            int counted = 0;
            long line = 1;
            for (CSVRecord record : parser) {
                // the parser gives where it started looking, before the empty lines it skipped
                int start = (int) record.getCharacterPosition();
                while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                    start++;
                }
                for (; counted < start; counted++) {
                    line += text.charAt(counted) == '\n' ? 1 : 0;
                }
                List<String> cells = record.toList();
                if (header == null || sections && cells.get(0).equals(header.get(0))) {
                    header = header(file, line, cells, required);
                    columns.addAll(header);
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new ResultsInputException(ResultsInputException.at(file, line), "has " + cells.size()
                            + " fields but the header has " + header.size() + " (the file looks truncated)",
                            ResultsInputException.FIX_DAMAGED);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), cells.get(i));
                }
                rows.add(new SummaryRow(ResultsInputException.at(file, line), row));
            }
            if (header == null) {
                throw new ResultsInputException(file, "is empty (no header line)", ResultsInputException.FIX_DAMAGED);
            }
            return new Table(file, List.copyOf(columns), rows);
        } catch (IOException | IllegalStateException e) {
            throw notCsv(file, e);
        } catch (UncheckedIOException e) {
            throw notCsv(file, e.getCause());
        }
    }

    private static List<String> header(Path file, long line, List<String> cells, List<String> required) {
        List<String> header = cells.stream().map(String::strip).toList();
        // the required columns first: a file without a header line has a record there, not column names
        for (String column : required) {
            if (!header.contains(column)) {
                throw new ResultsInputException(ResultsInputException.at(file, line), "has no column '" + column
                        + "'", ResultsInputException.FIX_DAMAGED);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                throw new ResultsInputException(ResultsInputException.at(file, line), "names the column '" + column
                        + "' twice", ResultsInputException.FIX_DAMAGED);
            }
        }
        return header;
    }

    /** Fails unless {@code file} is a readable regular file. */
    public static void requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw new ResultsInputException(file, "is missing", ResultsInputException.FIX_MISSING);
        }
        if (!Files.isRegularFile(file)) {
            throw new ResultsInputException(file, "is not a regular file", ResultsInputException.FIX_MISSING);
        }
        if (!Files.isReadable(file)) {
            throw new ResultsInputException(file, "is not readable", "give the current user read permission on it");
        }
    }

    private static ResultsInputException notCsv(Path file, Throwable e) {
        return new ResultsInputException(file, "is not valid CSV (" + ResultsInputException.describe(e) + ")",
                ResultsInputException.FIX_DAMAGED, e);
    }
}
