package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * What one delivered message cost per transport, in HTTP requests and bytes on the wire
 * (experiment E8: polling pays per request, streams amortise one request over many messages).
 */
public final class CostPerMessageRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            OptionalDouble requests = row.number(SummaryColumns.REQUESTS_PER_MESSAGE);
            OptionalDouble bytes = row.number(SummaryColumns.BYTES_PER_MESSAGE);
            List<String> parts = new ArrayList<>();
            if (requests.isPresent()) {
                parts.add(Figures.display(requests) + (requests.getAsDouble() == 1 ? " request" : " requests"));
            }
            if (bytes.isPresent()) {
                parts.add(Figures.display(bytes) + " bytes");
            }
            if (!parts.isEmpty()) {
                findings.add(Finding.info(RuleText.subject(row) + String.join(" and ", parts)
                        + " per delivered message"));
            }
        }
        return findings;
    }
}
