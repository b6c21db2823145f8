package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.RunData;

/**
 * Warns when the run did not complete ({@code failed}, {@code interrupted}): every other figure
 * of the report then covers only part of it. Quotes the recorded failure when there is one. A run
 * whose thresholds were breached is complete: {@link ThresholdRule} speaks of it.
 */
public final class RunStatusRule implements FindingRule {

    private static final Set<String> COMPLETED = Set.of("ok", "completed", "complete", "success", "succeeded",
            "passed", "thresholds-breached");

    @Override
    public List<Finding> evaluate(RunData run) {
        return run.status()
                .filter(status -> !COMPLETED.contains(status.toLowerCase(Locale.ROOT)))
                .map(status -> {
                    String failure = run.info().find("failure").map(f -> ": " + f).orElse("");
                    return List.of(Finding.warning("run " + status + failure
                            + "; the figures below cover only the part that ran"));
                })
                .orElse(List.of());
    }
}
