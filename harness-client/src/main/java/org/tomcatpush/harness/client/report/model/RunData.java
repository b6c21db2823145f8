package org.tomcatpush.harness.client.report.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything a report shows about one run, read from its folder after the run. Immutable: the
 * report never looks at live state.
 *
 * @param runDir  the run folder
 * @param info    {@code run.json}
 * @param rows    {@code summary.csv}, in file order (one per transport, plus {@code all} for mixes)
 * @param series  {@code timeseries.csv}
 * @param latency {@code latency.hlog}, one distribution per tag, in order of first appearance
 * @param serverSamples the server's own probe samples ({@code server_samples.csv}, finer than
 *                {@code series}); empty when the run folder has none
 */
public record RunData(
        Path runDir,
        RunInfo info,
        List<SummaryRow> rows,
        TimeSeries series,
        List<LatencyDistribution> latency,
        TimeSeries serverSamples) {

    public RunData {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a run has at least one summary row");
        }
        rows = List.copyOf(rows);
        latency = List.copyOf(latency);
    }

    /** The rows of single transports: every row but the {@code all} row of a mix. */
    public List<SummaryRow> transportRows() {
        List<SummaryRow> single = rows.stream().filter(r -> !r.isAllTransports()).toList();
        return single.isEmpty() ? rows : single;
    }

    /**
     * The row describing the run as a whole (server settings, server-side peaks): the {@code all}
     * row of a mix, else the first row.
     */
    public SummaryRow runRow() {
        return rows.stream().filter(SummaryRow::isAllTransports).findFirst().orElse(rows.get(0));
    }

    /** A run-level number: from {@link #runRow()}, else the first row that has it. */
    public OptionalDouble runNumber(String column) {
        OptionalDouble value = runRow().number(column);
        if (value.isPresent()) {
            return value;
        }
        return rows.stream().map(r -> r.number(column)).filter(OptionalDouble::isPresent).findFirst()
                .orElse(OptionalDouble.empty());
    }

    /** The latency distribution of a tag (transport name). */
    public Optional<LatencyDistribution> latencyOf(String tag) {
        return latency.stream().filter(d -> d.tag().equals(tag)).findFirst();
    }

    /** The run's display name: {@code run.json} name or id, else {@code summary.csv} run_id, else the folder name. */
    public String name() {
        return info.find("name", "scenario.name", "run_id", "runId", "id")
                .or(() -> runRow().text(SummaryColumns.RUN_ID))
                .orElseGet(() -> runDir.getFileName() == null ? runDir.toString() : runDir.getFileName().toString());
    }

    /** The run's status ({@code ok}, {@code failed: ...}) from {@code summary.csv} or {@code run.json}. */
    public Optional<String> status() {
        return runRow().text(SummaryColumns.STATUS).or(() -> info.find("status", "result.status"));
    }
}
