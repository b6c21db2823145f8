package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ForeignTargetNote;
import org.tomcatpush.harness.client.results.RunJson;
import org.tomcatpush.harness.client.serverstats.JmxStats;

/**
 * Says, in one note, that the run drove a foreign application ({@code server.mode} {@code foreign}
 * in run.json): the client-versus-server cross-checks are absent rather than agreeing, where the
 * server-side figures came from, and why a transport's sequence or latency columns are empty.
 */
public final class ForeignTargetRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        if (!run.info().find("server.mode").filter(RunJson.FOREIGN_SERVER_MODE::equals).isPresent()) {
            return List.of();
        }
        boolean jmx = false;
        List<String> unsequenced = new ArrayList<>();
        List<String> untimed = new ArrayList<>();
        for (SummaryRow row : run.rows()) {
            jmx |= row.text(SummaryColumns.BUSY_METRIC).filter(JmxStats.BUSY_METRIC::equals).isPresent();
            if (row.isAllTransports() || row.numberOr(SummaryColumns.MESSAGES_RECEIVED, 0) == 0) {
                continue;
            }
            if (row.number(SummaryColumns.MESSAGES_LOST).isEmpty()) {
                unsequenced.add(row.transport());
            }
            if (row.number(SummaryColumns.LATENCY_P50_MS).isEmpty()) {
                untimed.add(row.transport());
            }
        }
        String field = run.info().find("scenario.publishTimeField").orElse(null);
        return List.of(Finding.note(ForeignTargetNote.text(jmx, unsequenced, untimed, field)));
    }
}
