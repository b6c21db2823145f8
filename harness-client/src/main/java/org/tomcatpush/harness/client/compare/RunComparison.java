package org.tomcatpush.harness.client.compare;

import java.util.List;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * One configuration compared: the baseline run, the current run and every compared metric.
 * Immutable.
 *
 * @param label         a short name among the compared runs, e.g. {@code sse async sse_timeout_ms=1000}
 * @param key           the configuration
 * @param baseline      the baseline run (repeats already reduced)
 * @param current       the current run (repeats already reduced)
 * @param statusProblem why the current run's status fails the comparison, or null
 * @param metrics       the compared metrics, in tolerance-file order
 */
public record RunComparison(String label, RunKey key, SummaryRow baseline, SummaryRow current, String statusProblem,
        List<MetricResult> metrics) {

    public RunComparison {
        metrics = List.copyOf(metrics);
    }

    /** Failed metrics, plus one when the current run did not complete. */
    public int failures() {
        int failed = statusProblem == null ? 0 : 1;
        for (MetricResult metric : metrics) {
            if (metric.verdict().failure()) {
                failed++;
            }
        }
        return failed;
    }
}
