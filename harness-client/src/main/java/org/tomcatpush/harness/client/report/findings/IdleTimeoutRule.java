package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Kept-alive connections the server closed because they sat idle past {@code keepAliveTimeout}
 * (experiment E7): with a poll interval longer than the timeout every poll opens a connection.
 */
public final class IdleTimeoutRule implements FindingRule {

    /** At or below this many requests per connection, connections are effectively not reused. */
    private static final double NO_REUSE_REQUESTS_PER_CONNECTION = 1.5;

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble timeoutMs = run.runNumber(SummaryColumns.KEEP_ALIVE_TIMEOUT_MS);
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            double idle = row.numberOr(SummaryColumns.CLOSES_IDLE_TIMEOUT, 0);
            if (idle <= 0) {
                continue;
            }
            StringBuilder text = new StringBuilder(RuleText.subject(row))
                    .append(Figures.display(idle, "connection", "connections"))
                    .append(" closed idle after keepAliveTimeout");
            if (timeoutMs.isPresent()) {
                text.append(" (").append(Figures.display(timeoutMs)).append(" ms)");
            }
            OptionalDouble perConnection = row.number(SummaryColumns.REQUESTS_PER_CONNECTION_MEAN);
            if (perConnection.isPresent()) {
                text.append(", ").append(Figures.display(perConnection.getAsDouble(), "request", "requests"))
                        .append(" per connection");
                if (perConnection.getAsDouble() <= NO_REUSE_REQUESTS_PER_CONNECTION) {
                    text.append(": almost every request opened a new connection");
                }
            }
            findings.add(Finding.note(text.toString()));
        }
        return findings;
    }
}
