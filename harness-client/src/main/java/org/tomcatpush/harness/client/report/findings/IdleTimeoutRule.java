package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.judge.IdleCloses;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Kept-alive connections the server closed because they sat idle past {@code keepAliveTimeout}
 * (experiment E7), in the words of {@link IdleCloses}' judgement: with a poll interval longer than
 * the timeout every poll opens a connection.
 */
public final class IdleTimeoutRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble timeoutMs = run.runNumber(SummaryColumns.KEEP_ALIVE_TIMEOUT_MS);
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            IdleCloses closes = IdleCloses.of(row, timeoutMs);
            if (!closes.anyIdle().holds()) {
                continue;
            }
            StringBuilder text = new StringBuilder(RuleText.subject(row))
                    .append(Figures.display(closes.idle(), "connection", "connections"))
                    .append(" closed idle after keepAliveTimeout");
            if (timeoutMs.isPresent()) {
                text.append(" (").append(Figures.display(timeoutMs)).append(" ms)");
            }
            if (!Double.isNaN(closes.perConnectionMean())) {
                text.append(", ").append(Figures.display(closes.perConnectionMean(), "request", "requests"))
                        .append(" per connection");
                if (closes.almostNoReuse().holds()) {
                    text.append(": almost every request opened a new connection");
                }
            }
            findings.add(Finding.note(text.toString()));
        }
        return findings;
    }
}
