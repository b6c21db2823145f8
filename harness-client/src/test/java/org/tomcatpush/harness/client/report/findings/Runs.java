package org.tomcatpush.harness.client.report.findings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;

/** Small in-memory runs for rule tests: rows from column/value pairs, series from arrays. */
final class Runs {

    private Runs() {
    }

    /** A summary row from alternating column names and values. */
    static SummaryRow row(String... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("pairs expected");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new SummaryRow(cells);
    }

    static RunData run(SummaryRow... rows) {
        return run(TimeSeries.empty(), rows);
    }

    static RunData run(TimeSeries series, SummaryRow... rows) {
        return new RunData(Path.of("runs", "test"), RunInfo.empty(), List.of(rows), series, List.of(),
                TimeSeries.empty());
    }

    static RunData run(TimeSeries series, TimeSeries serverSamples, SummaryRow... rows) {
        return new RunData(Path.of("runs", "test"), RunInfo.empty(), List.of(rows), series, List.of(), serverSamples);
    }

    static RunData run(RunInfo info, List<LatencyDistribution> latency, SummaryRow... rows) {
        return new RunData(Path.of("runs", "test"), info, List.of(rows), TimeSeries.empty(), latency,
                TimeSeries.empty());
    }

    /** A one-row-per-second series: {@code elapsed_s} 1..n plus the given columns. */
    static TimeSeries perSecond(Map<String, double[]> columns) {
        int n = columns.values().iterator().next().length;
        double[] elapsed = new double[n];
        for (int i = 0; i < n; i++) {
            elapsed[i] = i + 1;
        }
        Map<String, double[]> all = new LinkedHashMap<>();
        all.put(TimeSeries.ELAPSED_S, elapsed);
        all.putAll(columns);
        return new TimeSeries(all);
    }

    /** The texts of the findings, for readable assertions. */
    static List<String> texts(List<Finding> findings) {
        return findings.stream().map(Finding::text).toList();
    }
}
