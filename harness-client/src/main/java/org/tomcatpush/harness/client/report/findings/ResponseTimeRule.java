package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Poll response time per transport: p99 timed from the intended send time beside the figure
 * timed from the actual send. When the first is much larger, polls were sent late because earlier
 * ones were slow (coordinated omission): the uncorrected figure would hide that wait.
 */
public final class ResponseTimeRule implements FindingRule {

    /** Corrected over uncorrected p99 above this ratio is called out. */
    private static final double OMISSION_RATIO = 2;

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            OptionalDouble corrected = row.number(SummaryColumns.RESPONSE_TIME_P99_MS);
            if (corrected.isEmpty()) {
                continue;
            }
            OptionalDouble uncorrected = row.number(SummaryColumns.RESPONSE_TIME_UNCORRECTED_P99_MS);
            String text = RuleText.subject(row) + "p99 poll response time " + Figures.display(corrected)
                    + " ms from the intended send time";
            if (uncorrected.isPresent()) {
                text += ", " + Figures.display(uncorrected) + " ms from the actual send";
            }
            boolean omission = uncorrected.isPresent() && uncorrected.getAsDouble() > 0
                    && corrected.getAsDouble() > OMISSION_RATIO * uncorrected.getAsDouble();
            findings.add(omission
                    ? Finding.warning(text + ": polls went out late because earlier ones were slow")
                    : Finding.info(text));
        }
        return findings;
    }
}
