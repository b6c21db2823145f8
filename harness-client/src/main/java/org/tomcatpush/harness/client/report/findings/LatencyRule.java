package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Delivery latency per transport: p99 first (what a capacity planner sizes for), then p50 and the
 * maximum. Figures from {@code summary.csv}, else from the transport's {@code latency.hlog} tag.
 */
public final class LatencyRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            Optional<LatencyDistribution> histogram = run.latencyOf(row.transport()).filter(d -> d.count() > 0);
            OptionalDouble p99 = figure(row, SummaryColumns.LATENCY_P99_MS, histogram.map(LatencyDistribution::p99Ms));
            if (p99.isEmpty() || row.numberOr(SummaryColumns.MESSAGES_RECEIVED, 1) == 0) {
                continue;
            }
            OptionalDouble p50 = figure(row, SummaryColumns.LATENCY_P50_MS, histogram.map(LatencyDistribution::p50Ms));
            OptionalDouble max = figure(row, SummaryColumns.LATENCY_MAX_MS, histogram.map(LatencyDistribution::maxMs));
            findings.add(Finding.info(RuleText.subject(row) + "p99 latency " + Figures.display(p99) + " ms (p50 "
                    + Figures.display(p50) + " ms, max " + Figures.display(max) + " ms)"));
        }
        return findings;
    }

    private static OptionalDouble figure(SummaryRow row, String column, Optional<Double> fromHistogram) {
        OptionalDouble value = row.number(column);
        return value.isPresent() ? value : fromHistogram.map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
