package org.tomcatpush.harness.client.report.findings;

import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;

/**
 * A run whose client clock was off the server's by more than the measurement can tell (run.json's
 * {@code clockOffset.problem}), or a merged run with such an agent ({@code merge.clockProblem}):
 * its delivery latencies, timed across the two clocks, are off by that much. A warning in the
 * run's own words; nothing when the clocks agree or were not compared.
 */
public final class ClockSkewRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        return run.info().find("merge.clockProblem", "clockOffset.problem").map(problem -> List.of(Finding.warning(
                problem))).orElse(List.of());
    }
}
