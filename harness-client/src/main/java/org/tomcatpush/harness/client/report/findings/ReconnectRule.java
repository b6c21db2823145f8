package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Stream reconnects per transport (SSE, WebSocket), by cause when recorded (experiments E2,
 * E10): streams ended by the server, connections lost under them, failed reopenings.
 */
public final class ReconnectRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            double reconnects = row.numberOr(SummaryColumns.RECONNECTS, 0);
            if (reconnects <= 0) {
                continue;
            }
            String causes = RuleText.parts(row.breakdown(SummaryColumns.RECONNECTS_PREFIX));
            findings.add(Finding.note(RuleText.subject(row) + Figures.display(reconnects, "reconnect", "reconnects")
                    + (causes.isEmpty() ? "" : " (" + causes + ")")));
        }
        return findings;
    }
}
