package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.Figures;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Whether the client's request and connection counts agree with the server's own ledger. They
 * should be equal; a difference means requests or connections the other side never saw (or a
 * counting fault), so every other connection figure deserves caution.
 */
public final class AccountingAgreementRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.rows()) {
            OptionalDouble requests = row.number(SummaryColumns.CLIENT_MINUS_SERVER_REQUESTS);
            OptionalDouble connections = row.number(SummaryColumns.CLIENT_MINUS_SERVER_CONNECTIONS);
            List<String> gaps = new ArrayList<>();
            if (requests.isPresent() && requests.getAsDouble() != 0) {
                gaps.add(difference(requests.getAsDouble(), "request", "requests"));
            }
            if (connections.isPresent() && connections.getAsDouble() != 0) {
                gaps.add(difference(connections.getAsDouble(), "connection", "connections"));
            }
            if (!gaps.isEmpty()) {
                findings.add(Finding.warning(RuleText.subject(row) + "client and server counts differ: "
                        + String.join(", ", gaps)));
            } else if (row.isAllTransports() || run.rows().size() == 1) {
                if (requests.isPresent() && connections.isPresent()) {
                    findings.add(Finding.info(RuleText.subject(row)
                            + "client and server agree on requests and connections"));
                }
            }
        }
        return findings;
    }

    private static String difference(double clientMinusServer, String singular, String plural) {
        String side = clientMinusServer > 0 ? "more" : "fewer";
        return "the client counted " + Figures.count(Math.abs(clientMinusServer), singular, plural) + " " + side
                + " than the server";
    }
}
