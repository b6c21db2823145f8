package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/** Errors and failed connects per transport, with the failures broken down by kind when recorded. */
public final class FailureRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            double errors = row.numberOr(SummaryColumns.ERRORS, 0);
            if (errors > 0) {
                findings.add(Finding.warning(RuleText.subject(row) + Figures.display(errors, "error", "errors")));
            }
            double failures = row.numberOr(SummaryColumns.CONNECT_FAILURES, 0);
            if (failures > 0) {
                String kinds = RuleText.parts(row.breakdown(SummaryColumns.CONNECT_FAILURES_PREFIX));
                findings.add(Finding.warning(RuleText.subject(row)
                        + Figures.display(failures, "connect failure", "connect failures")
                        + (kinds.isEmpty() ? "" : " (" + kinds + ")")));
            }
        }
        return findings;
    }
}
