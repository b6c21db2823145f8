package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.thresholds.RunThresholds;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;

/**
 * Warns for every {@code --threshold} the run breached ({@code threshold breached: sse
 * latency_p99_ms<200 (was 312.4)}), as {@code harness run} judged it and recorded it in
 * {@code run.json} ({@link RunThresholds}: never judged again here), for a recorded threshold that
 * cannot be shown, and once when run.json lists thresholds without their outcomes; says so in one
 * line when every threshold held.
 */
public final class ThresholdRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        RunThresholds thresholds = RunThresholds.of(run);
        if (thresholds.isEmpty()) {
            return List.of();
        }
        if (!thresholds.recorded()) {
            return List.of(Finding.warning(thresholds.notRecordedText()));
        }
        List<Finding> findings = new ArrayList<>();
        for (ThresholdOutcome o : thresholds.breaches()) {
            findings.add(Finding.warning(o.line()));
        }
        thresholds.problems().forEach(p -> findings.add(Finding.warning("threshold not judged: " + p)));
        if (findings.isEmpty()) {
            findings.add(Finding.info("every threshold held (" + thresholds.outcomes().size() + " checked)"));
        }
        return findings;
    }
}
