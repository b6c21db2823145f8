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
 * counting fault), so every other connection figure deserves caution. A client ahead by no more
 * than the executor queue's peak is a note that says so: the server counts a request when a worker
 * starts it, so requests still queued at the stop are the client's alone.
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
            if (!gaps.isEmpty() && explainedByTheQueue(run, requests, connections)) {
                findings.add(Finding.note(RuleText.subject(row) + "client and server counts differ: "
                        + String.join(", ", gaps) + ": requests still waiting in the executor queue when the run"
                        + " stopped (it peaked at " + Figures.format(run.runNumber(SummaryColumns.QUEUE_LENGTH_MAX))
                        + ") never reached the server's counts"));
            } else if (!gaps.isEmpty()) {
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

    /**
     * The server counts a request (and its connection) when a worker thread starts it: a request
     * queued for a thread at the stop is in the client's count only. When the client is ahead by
     * no more than the executor queue's peak, that is the explanation.
     */
    private static boolean explainedByTheQueue(RunData run, OptionalDouble requests, OptionalDouble connections) {
        OptionalDouble queueMax = run.runNumber(SummaryColumns.QUEUE_LENGTH_MAX);
        if (!RuleText.positive(queueMax)) {
            return false;
        }
        double limit = queueMax.getAsDouble();
        return requests.orElse(0) >= 0 && requests.orElse(0) <= limit
                && connections.orElse(0) >= 0 && connections.orElse(0) <= limit;
    }

    private static String difference(double clientMinusServer, String singular, String plural) {
        String side = clientMinusServer > 0 ? "more" : "fewer";
        return "the client counted " + Figures.count(Math.abs(clientMinusServer), singular, plural) + " " + side
                + " than the server";
    }
}
