package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Whether the client's request and connection counts agree with the server's own ledger. They
 * should be equal; a difference means requests or connections the other side never saw (or a
 * counting fault), so every other connection figure deserves caution. A client ahead by what the
 * run's own figures account for (requests queued for a thread at the stop, requests lost to the
 * keep-alive race) is a note that says so. Through a proxy the connection counts are of two
 * different hops and are not compared ({@link ProxyRule} says so); the request counts still are.
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
            if (ProxyRule.proxied(run)) {
                connections = OptionalDouble.empty();
            }
            if (connections.isPresent() && connections.getAsDouble() != 0) {
                gaps.add(difference(connections.getAsDouble(), "connection", "connections"));
            }
            List<String> reasons = gaps.isEmpty() ? List.of() : explanation(run, row, requests, connections);
            if (!reasons.isEmpty()) {
                findings.add(Finding.note(RuleText.subject(row) + "client and server counts differ: "
                        + String.join(", ", gaps) + ": " + String.join("; ", reasons)));
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
     * Why the client is ahead, when the run's own figures account for all of it: the server counts a
     * request (and its connection) when a worker thread starts it, so requests still queued for a
     * thread at the stop (at most the executor queue's peak) and requests written onto a connection
     * the server was closing (the keep-alive race, {@code errors_stale_connection}) are the
     * client's alone. Empty when they do not account for the whole difference.
     */
    private static List<String> explanation(RunData run, SummaryRow row, OptionalDouble requests,
                                            OptionalDouble connections) {
        double queued = run.runNumber(SummaryColumns.QUEUE_LENGTH_MAX).orElse(0);
        double stale = row.numberOr(SummaryColumns.ERRORS_STALE_CONNECTION, 0);
        double extraRequests = requests.orElse(0);
        double extraConnections = connections.orElse(0);
        if (extraRequests < 0 || extraConnections < 0 || extraRequests > queued + stale || extraConnections > queued) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        if (stale > 0) {
            reasons.add(Figures.display(stale, "request was", "requests were") + " written onto a connection the server"
                    + " was closing (stale connection) and never started");
        }
        if (queued > 0 && (extraRequests > stale || extraConnections > 0)) {
            reasons.add("requests still waiting in the executor queue when the run stopped (it peaked at "
                    + Figures.display(queued) + ") never reached the server's counts");
        }
        return reasons;
    }

    private static String difference(double clientMinusServer, String singular, String plural) {
        String side = clientMinusServer > 0 ? "more" : "fewer";
        return "the client counted " + Figures.display(Math.abs(clientMinusServer), singular, plural) + " " + side
                + " than the server";
    }
}
