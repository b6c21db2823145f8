package org.tomcatpush.harness.client.merge;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.LatencySummary;

/**
 * The merged {@code timeseries.csv}: the agents' rows aligned on the common clock, one row per
 * second ({@code epoch_ms} rounded down to the second; an agent's row that lands in a second it
 * already filled goes to the next one, so no agent counts twice in a second). Per second the
 * client's figures are summed, the server's ({@code busy_threads}, {@code queue_length},
 * {@code server_connections}, {@code server_cpu_ms}) are the one folder's chosen for the server's
 * reading, and {@code latency_p99_ms} is the p99 of that second's added latency histograms.
 * Stateless.
 */
final class TimeseriesMerge {

    private static final long MS_PER_S = 1000;
    /** The server's own per-second figures: taken once. */
    static final Set<String> SERVER = Set.of("busy_threads", "queue_length", "server_connections",
            "server_cpu_ms");
    private static final String LATENCY_P99 = "latency_p99_ms";

    /** One merged second: its epoch ms (the earliest agent row in it) and its cells. */
    record Second(long epochMs, Map<String, String> cells) {
    }

    private TimeseriesMerge() {
    }

    /** The merged seconds, in time order; {@code columns} is the first folder's header. */
    static List<Second> seconds(List<AgentFolder> folders, AgentFolder server, LatencyMerge latency,
            List<String> latencyTags, long startEpochMs) {
        List<String> columns = folders.get(0).timeseries().columns();
        Map<Long, List<SummaryRow>> clientRows = new TreeMap<>();
        Map<Long, SummaryRow> serverRows = new TreeMap<>();
        for (AgentFolder folder : folders) {
            long last = Long.MIN_VALUE;
            for (SummaryRow row : folder.timeseries().rows()) {
                long second = Math.max(Math.floorDiv((long) row.figure("epoch_ms"), MS_PER_S) * MS_PER_S,
                        last == Long.MIN_VALUE ? Long.MIN_VALUE : last + MS_PER_S);
                last = second;
                clientRows.computeIfAbsent(second, s -> new ArrayList<>()).add(row);
                if (folder == server) {
                    serverRows.put(second, row);
                }
            }
        }
        List<Second> seconds = new ArrayList<>();
        clientRows.forEach((second, rows) -> {
            long epochMs = rows.stream().mapToLong(r -> (long) r.figure("epoch_ms")).min().orElse(second);
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : columns) {
                cells.put(column, cell(column, rows, serverRows.get(second), epochMs, startEpochMs));
            }
            if (cells.containsKey(LATENCY_P99)) {
                cells.put(LATENCY_P99, Figures.cell(LatencySummary.of(latency.second(second, latencyTags)).p99Ms()));
            }
            seconds.add(new Second(epochMs, cells));
        });
        return seconds;
    }

    /** The most a summed column reached over the seconds, empty when no second has it. */
    static OptionalDouble max(List<Second> seconds, String column) {
        return seconds.stream().map(s -> SummaryRow.parse(s.cells().getOrDefault(column, "")))
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max();
    }

    static void write(List<String> columns, List<Second> seconds, Writer out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Second s : seconds) {
                printer.printRecord(s.cells().values());
            }
        }
    }

    private static String cell(String column, List<SummaryRow> rows, SummaryRow serverRow, long epochMs,
            long startEpochMs) {
        switch (column) {
            case "epoch_ms":
                return Long.toString(epochMs);
            case "elapsed_s":
                return Long.toString(Math.round((epochMs - startEpochMs) / (double) MS_PER_S));
            default:
                break;
        }
        if (SERVER.contains(column)) {
            return serverRow == null ? "" : serverRow.cell(column);
        }
        if (rows.stream().allMatch(r -> r.text(column).isEmpty())) {
            return "";
        }
        return Figures.cell(rows.stream().mapToDouble(r -> r.numberOr(column, 0)).sum());
    }
}
