package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.tomcatpush.harness.client.report.model.SummaryRow;

/** Hand-made summary rows with known figures, written as the results writer writes them. */
final class Summaries {

    /** The core columns of the results contract plus status and measured duration, in file order. */
    static final List<String> COLUMNS = List.of("run_id", "transport", "handler", "sessions", "duration_s",
            "protocol", "max_threads", "max_connections", "accept_count", "keep_alive_timeout_ms",
            "max_keep_alive_requests", "requests", "connections_opened", "requests_per_connection_mean",
            "closes_keepalive_limit", "closes_idle_timeout", "closes_server_other", "closes_client", "closes_error",
            "reconnects", "connect_failures", "messages_received", "messages_lost", "messages_duplicated",
            "latency_p50_ms", "latency_p99_ms", "latency_max_ms", "busy_threads_mean", "busy_threads_max",
            "server_connections_max", "requests_per_message", "bytes_per_message", "errors", "status",
            "measured_duration_s");

    private static final Map<String, String> DEFAULTS = defaults();

    private Summaries() {
    }

    /** A completed run of {@code transport} with the default figures, changed by {@code overrides} (name, value, ...). */
    static Map<String, String> run(String transport, String... overrides) {
        Map<String, String> row = new LinkedHashMap<>(DEFAULTS);
        row.put("transport", transport);
        for (int i = 0; i < overrides.length; i += 2) {
            row.put(overrides[i], overrides[i + 1]);
        }
        return row;
    }

    /** The CSV text of {@code rows} under a header of every column the rows have, in first-seen order. */
    @SafeVarargs
    static String csv(Map<String, String>... rows) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        for (Map<String, String> row : rows) {
            columns.addAll(row.keySet());
        }
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                .setHeader(columns.toArray(String[]::new)).setRecordSeparator('\n').get())) {
            for (Map<String, String> row : rows) {
                for (String column : columns) {
                    printer.print(row.getOrDefault(column, ""));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes {@code csv} to {@code file}, creating its folder; returns the file. */
    static Path write(Path file, String csv) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, csv);
    }

    /** The rows as a table read from {@code label}. */
    @SafeVarargs
    static RunTable table(String label, Map<String, String>... rows) {
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        List<SummaryRow> runRows = new java.util.ArrayList<>();
        int line = 2;
        for (Map<String, String> row : rows) {
            columns.addAll(row.keySet());
            runRows.add(new SummaryRow(label + " line " + line++, row));
        }
        return new RunTable(label, List.copyOf(columns), runRows);
    }

    private static Map<String, String> defaults() {
        Map<String, String> row = new LinkedHashMap<>();
        String[] values = {"20250101-000000-fixture", "sse", "async", "10", "10", "nio", "200", "8192", "100", "20000",
            "100", "100", "10", "10", "0", "0", "0", "10", "0", "0", "0", "1000", "0", "0", "2", "10", "20", "1", "2",
            "11", "0.1", "120", "0", "completed", "10"};
        for (int i = 0; i < COLUMNS.size(); i++) {
            row.put(COLUMNS.get(i), values[i]);
        }
        return row;
    }
}
