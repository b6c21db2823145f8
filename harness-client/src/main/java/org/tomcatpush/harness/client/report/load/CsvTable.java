package org.tomcatpush.harness.client.report.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header line, read whole with commons-csv. Immutable. Every record must have
 * as many fields as the header: a shorter one is what a crash mid-write leaves, so it makes the
 * file corrupt rather than silently short.
 *
 * @param file    the file read
 * @param columns the header's column names, in file order
 * @param rows    the records as column name to cell, in file order
 */
record CsvTable(Path file, List<String> columns, List<Map<String, String>> rows) {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    CsvTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Reads {@code file}; fails with a clear message when it is missing or malformed. */
    static CsvTable read(Path file) throws ReportInputException {
        InputFiles.requireReadable(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty()) {
                throw InputFiles.corrupt(file, "is empty (no header line)");
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (record.size() != columns.size()) {
                    throw InputFiles.corrupt(file, "line " + parser.getCurrentLineNumber() + " has " + record.size()
                            + " fields but the header has " + columns.size() + " (the file looks truncated)");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), record.get(i));
                }
                rows.add(row);
            }
            return new CsvTable(file, columns, rows);
        } catch (MalformedInputException e) {
            throw InputFiles.corrupt(file, "is not UTF-8 text", e);
        } catch (IOException | RuntimeException e) {
            throw InputFiles.corrupt(file, "is not valid CSV (" + ReportInputException.describe(e) + ")", e);
        }
    }
}
