package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Lost and duplicated messages per transport, as the sessions' sequence checks counted them
 * (experiment E2: zero with {@code Last-Event-ID}), and a transport that received nothing at all
 * while the server published. Silence is not proof: the all-clear is given only when both counts
 * were recorded and something was delivered.
 */
public final class DeliveryRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            OptionalDouble lost = row.number(SummaryColumns.MESSAGES_LOST);
            OptionalDouble duplicated = row.number(SummaryColumns.MESSAGES_DUPLICATED);
            String subject = RuleText.subject(row);
            if (RuleText.positive(lost)) {
                findings.add(Finding.warning(subject + Figures.display(lost.getAsDouble(), "message", "messages")
                        + " lost"));
            }
            if (RuleText.positive(duplicated)) {
                findings.add(Finding.warning(subject + Figures.display(duplicated.getAsDouble(), "message", "messages")
                        + " delivered twice"));
            }
            double received = row.numberOr(SummaryColumns.MESSAGES_RECEIVED, 0);
            OptionalDouble published = run.runNumber(SummaryColumns.MESSAGES_PUBLISHED);
            if (row.number(SummaryColumns.MESSAGES_RECEIVED).isPresent() && received == 0
                    && RuleText.positive(published)) {
                findings.add(Finding.warning(subject + "no message delivered, although the server published "
                        + Figures.display(published.getAsDouble())));
            }
            if (lost.isPresent() && duplicated.isPresent() && !RuleText.positive(lost)
                    && !RuleText.positive(duplicated) && received > 0) {
                double reconnects = row.numberOr(SummaryColumns.RECONNECTS, 0);
                findings.add(Finding.info(subject + "all " + Figures.display(received, "message", "messages")
                        + " delivered once, none lost or duplicated"
                        + (reconnects > 0 ? " across " + Figures.display(reconnects, "reconnect", "reconnects") : "")));
            }
        }
        return findings;
    }
}
