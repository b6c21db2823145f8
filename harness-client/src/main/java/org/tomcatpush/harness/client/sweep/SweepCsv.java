package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tomcatpush.harness.client.report.sweep.SweepColumns;
import org.tomcatpush.harness.client.results.SummaryCsv;

/**
 * Formats {@code sweep.csv}: per run, one row per row of its {@code summary.csv} (one per
 * transport, plus {@code all} for a mix), or a single row when it wrote none. Columns: the run's
 * index, its swept values, its status, failure, folder, wall time and attempts, then the summary columns in
 * their own order (those of {@link SummaryCsv#header()}, then any other a run wrote). Stateless.
 */
public final class SweepCsv {

    private SweepCsv() {
    }

    /** The file's text for {@code records} of a sweep over {@code sweptKeys}. */
    public static String format(List<String> sweptKeys, List<RunRecord> records) throws IOException {
        List<String> summary = summaryColumns(records);
        List<String> header = new ArrayList<>();
        header.add(SweepColumns.RUN_INDEX);
        sweptKeys.forEach(k -> header.add(SweepColumns.swept(k)));
        header.addAll(List.of(SweepColumns.STATUS, SweepColumns.FAILURE, SweepColumns.RUN_FOLDER,
                SweepColumns.RUN_WALL_S, SweepColumns.ATTEMPTS));
        header.addAll(summary);
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (RunRecord record : records) {
                List<Map<String, String>> rows = record.summaryRows().isEmpty() ? List.of(Map.of())
                        : record.summaryRows();
                for (Map<String, String> row : rows) {
                    printer.print(record.combination().index());
                    for (Setting s : record.combination().swept()) {
                        printer.print(s.value());
                    }
                    printer.print(record.status());
                    printer.print(record.failure());
                    printer.print(record.runFolder());
                    printer.print(String.format(Locale.ROOT, "%.1f", record.wall().toMillis() / 1000.0));
                    printer.print(record.attempts());
                    for (String column : summary) {
                        printer.print(row.getOrDefault(column, ""));
                    }
                    printer.println();
                }
            }
        }
        return text.toString();
    }

    private static List<String> summaryColumns(List<RunRecord> records) {
        Set<String> columns = new LinkedHashSet<>(SummaryCsv.header());
        records.forEach(r -> r.summaryRows().forEach(row -> columns.addAll(row.keySet())));
        columns.remove(SweepColumns.STATUS);
        return List.copyOf(columns);
    }
}
