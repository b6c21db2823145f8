package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.RunData;

/** Warns when the run did not complete: every other figure of the report is then partial. */
public final class RunStatusRule implements FindingRule {

    private static final Set<String> COMPLETED = Set.of("ok", "completed", "complete", "success", "succeeded",
            "passed");

    @Override
    public List<Finding> evaluate(RunData run) {
        return run.status()
                .filter(status -> !COMPLETED.contains(status.toLowerCase(Locale.ROOT)))
                .map(status -> List.of(Finding.warning("run did not complete (status: " + status
                        + "): the figures below cover only part of it")))
                .orElse(List.of());
    }
}
