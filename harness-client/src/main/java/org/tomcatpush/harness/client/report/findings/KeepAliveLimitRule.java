package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Connections the server closed at {@code maxKeepAliveRequests} (experiments E1, E2), per
 * transport. Closes by the client (the end of the run) are left out: they say nothing about the
 * server. When every server close was at the limit the finding says so and compares requests per
 * connection with the configured limit.
 */
public final class KeepAliveLimitRule implements FindingRule {

    private static final List<String> SERVER_CLOSES = List.of(SummaryColumns.CLOSES_KEEPALIVE_LIMIT,
            SummaryColumns.CLOSES_IDLE_TIMEOUT, SummaryColumns.CLOSES_SERVER_OTHER, SummaryColumns.CLOSES_ERROR);

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble limit = run.runNumber(SummaryColumns.MAX_KEEP_ALIVE_REQUESTS);
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            double atLimit = row.numberOr(SummaryColumns.CLOSES_KEEPALIVE_LIMIT, 0);
            if (atLimit <= 0) {
                continue;
            }
            double serverCloses = SERVER_CLOSES.stream().mapToDouble(c -> row.numberOr(c, 0)).sum();
            String limitText = limit.isPresent() ? "maxKeepAliveRequests " + Figures.display(limit) : "";
            String text;
            if (atLimit >= serverCloses) {
                text = "every server close (" + Figures.display(atLimit) + ") at the keep-alive limit: "
                        + perConnection(row.number(SummaryColumns.REQUESTS_PER_CONNECTION_MEAN), limit, limitText);
            } else {
                text = Figures.display(atLimit) + " of " + Figures.display(serverCloses)
                        + " server closes at the keep-alive limit" + (limitText.isEmpty() ? "" : " (" + limitText + ")");
            }
            findings.add(Finding.note(RuleText.subject(row) + text));
        }
        return findings;
    }

    private static String perConnection(OptionalDouble mean, OptionalDouble limit, String limitText) {
        if (mean.isPresent() && limit.isPresent() && Math.round(mean.getAsDouble()) == Math.round(limit.getAsDouble())) {
            return Figures.display(limit) + " requests per connection as configured";
        }
        if (mean.isPresent()) {
            return Figures.display(mean) + " requests per connection on average"
                    + (limitText.isEmpty() ? "" : " (" + limitText + ")");
        }
        return limitText.isEmpty() ? "connections closed after their last allowed request" : limitText;
    }
}
