package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.judge.KeepAliveCloses;
import org.tomcatpush.harness.client.judge.Outcome;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Connections the server closed at {@code maxKeepAliveRequests} (experiments E1, E2), per
 * transport, in the words of {@link KeepAliveCloses}' judgement. When every server close was at the
 * limit the finding says so and compares requests per connection with the configured limit; when
 * the other server closes were not recorded it says nothing.
 */
public final class KeepAliveLimitRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble limit = run.runNumber(SummaryColumns.MAX_KEEP_ALIVE_REQUESTS);
        String limitText = limit.isPresent() ? "maxKeepAliveRequests " + Figures.display(limit) : "";
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            KeepAliveCloses closes = KeepAliveCloses.of(row, limit);
            if (!closes.anyAtLimit().holds()) {
                continue;
            }
            Outcome all = closes.allServerClosesAtLimit();
            if (all.holds()) {
                findings.add(Finding.note(RuleText.subject(row) + "every server close ("
                        + Figures.display(closes.atLimit()) + ") at the keep-alive limit: "
                        + perConnection(closes, limitText)));
            } else if (all.fails()) {
                findings.add(Finding.note(RuleText.subject(row) + Figures.display(closes.atLimit()) + " of "
                        + Figures.display(closes.serverCloses()) + " server closes at the keep-alive limit"
                        + (limitText.isEmpty() ? "" : " (" + limitText + ")")));
            }
        }
        return findings;
    }

    private static String perConnection(KeepAliveCloses closes, String limitText) {
        if (closes.meanIsTheLimit().holds()) {
            return Figures.display(closes.limit()) + " requests per connection as configured";
        }
        if (!Double.isNaN(closes.perConnectionMean())) {
            return Figures.display(closes.perConnectionMean()) + " requests per connection on average"
                    + (limitText.isEmpty() ? "" : " (" + limitText + ")");
        }
        return limitText.isEmpty() ? "connections closed after their last allowed request" : limitText;
    }
}
