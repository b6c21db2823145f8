package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.judge.Delivery;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Lost and duplicated messages per transport, as the sessions' sequence checks counted them
 * (experiment E2: zero with {@code Last-Event-ID}), and a transport that received nothing at all
 * while the server published, in the words of {@link Delivery}'s judgement. Silence is not proof:
 * the all-clear is given only when both counts were recorded and something was delivered.
 */
public final class DeliveryRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble published = run.runNumber(SummaryColumns.MESSAGES_PUBLISHED);
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            Delivery delivery = Delivery.of(row, published);
            String subject = RuleText.subject(row);
            if (delivery.anyLost().holds()) {
                findings.add(Finding.warning(subject + Figures.display(delivery.lost(), "message", "messages")
                        + " lost"));
            }
            if (delivery.anyDuplicated().holds()) {
                findings.add(Finding.warning(subject + Figures.display(delivery.duplicated(), "message", "messages")
                        + " delivered twice"));
            }
            if (delivery.nothingDelivered().holds()) {
                findings.add(Finding.warning(subject + "no message delivered, although the server published "
                        + Figures.display(delivery.published())));
            }
            if (delivery.deliveredOnce().holds()) {
                double reconnects = row.numberOr(SummaryColumns.RECONNECTS, 0);
                findings.add(Finding.info(subject + "all " + Figures.display(delivery.received(), "message", "messages")
                        + " delivered once, none lost or duplicated"
                        + (reconnects > 0 ? " across " + Figures.display(reconnects, "reconnect", "reconnects") : "")));
            }
        }
        return findings;
    }
}
