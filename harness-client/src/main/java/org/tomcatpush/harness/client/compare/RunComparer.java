package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Compares a current input with a baseline: adds the {@link DerivedMetrics}, matches runs by
 * configuration ({@link RunMatcher}), then compares every metric both sides have under its
 * tolerance. Pure: reads nothing and writes nothing. Stateless.
 */
public final class RunComparer {

    private RunComparer() {
    }

    /**
     * Compares {@code current} with {@code baseline}.
     *
     * @param allowMissing true to list baseline runs without a current run without failing
     * @throws ResultsInputException when no run matches (the inputs are not of the same scenarios)
     *                               or a metric cell is not a number
     */
    public static CompareResult compare(RunTable baseline, RunTable current, ToleranceSet tolerances,
            boolean allowMissing) {
        RunTable base = DerivedMetrics.addTo(baseline);
        RunTable cur = DerivedMetrics.addTo(current);
        List<String> warnings = new ArrayList<>();
        RunMatcher.Matching matching = RunMatcher.match(base, cur, tolerances, warnings::add);
        if (matching.pairs().isEmpty()) {
            throw new ResultsInputException("no run of current " + current.label()
                    + " has the configuration of a run of baseline " + baseline.label() + " (matched on "
                    + String.join(", ", matching.keyColumns())
                    + "): compare results of the same scenarios, or refresh the baseline");
        }
        List<String> notes = new ArrayList<>(matching.notes());
        List<String> metrics = new ArrayList<>();
        for (String metric : tolerances.metrics().keySet()) {
            boolean inBase = base.has(metric);
            boolean inCur = cur.has(metric);
            if (inBase && inCur) {
                metrics.add(metric);
            } else if (inBase || inCur) {
                notes.add("metric " + metric + " is only in the " + (inBase ? "baseline" : "current")
                        + " input: not compared");
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String column : base.columns()) {
            if (cur.has(column) && !tolerances.isMetric(column) && !tolerances.isConfig(column)
                    && !RepeatReducer.IDENTITY.contains(column)) {
                unknown.add(column);
            }
        }
        if (!unknown.isEmpty()) {
            notes.add("columns with no tolerance, not compared: " + String.join(", ", unknown)
                    + " (name them in a tolerance file's metrics: or config:)");
        }
        List<RunKey> keys = matching.allKeys();
        List<RunComparison> runs = new ArrayList<>();
        for (RunMatcher.Pair pair : matching.pairs()) {
            runs.add(compareRun(pair, pair.key().label(keys), metrics, tolerances));
        }
        return new CompareResult(baseline.label(), current.label(), tolerances.source(), matching, runs,
                allowMissing, notes, warnings);
    }

    private static RunComparison compareRun(RunMatcher.Pair pair, String label, List<String> metrics,
            ToleranceSet tolerances) {
        List<MetricResult> results = new ArrayList<>();
        for (String metric : metrics) {
            Tolerance tolerance = tolerances.forMetric(metric, pair.baseline());
            if (tolerance.compared()) {
                results.add(MetricResult.evaluate(metric, pair.baseline().figure(metric), pair.current().figure(metric),
                        tolerance));
            }
        }
        String statusProblem = null;
        if (pair.baseline().completed() && !pair.current().completed()) {
            statusProblem = "the current run ended '" + pair.current().cell(SummaryColumns.STATUS)
                    + "' while the baseline run completed: see its run.json for the cause";
        }
        return new RunComparison(label, pair.key(), pair.baseline(), pair.current(), statusProblem, results);
    }
}
