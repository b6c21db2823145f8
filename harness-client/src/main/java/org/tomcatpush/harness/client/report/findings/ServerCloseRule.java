package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Why the server closed connections, in one sentence with the server's own counts by cause
 * ({@code server_closes_*}, {@code server_closed_keepalive_limit}), and a warning when some of
 * the client's {@code server-other} closes have no cause the server counted
 * ({@code closes_server_unexplained}). Write failures are left out of the sentence: the connection
 * was already broken when the server found out, so they say why the server stopped, not why the
 * connection closed. Only rows that carry the server's figures (they stand for all its traffic).
 */
public final class ServerCloseRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.rows()) {
            if (row.number(SummaryColumns.SERVER_CLOSES_CLOSING_RESPONSE).isEmpty()) {
                continue;
            }
            Map<String, Double> causes = new LinkedHashMap<>();
            causes.put("at the keep-alive limit", row.numberOr(SummaryColumns.SERVER_CLOSED_KEEPALIVE_LIMIT, 0));
            causes.put("closing responses (Connection: close before the limit)",
                    row.numberOr(SummaryColumns.SERVER_CLOSES_CLOSING_RESPONSE, 0));
            causes.put("WebSocket sessions the server ended", row.numberOr(SummaryColumns.SERVER_CLOSES_STREAM_END, 0));
            causes.put("slow consumers cut", row.numberOr(SummaryColumns.SERVER_CLOSES_SLOW_CONSUMER, 0));
            causes.put("errors", row.numberOr(SummaryColumns.SERVER_CLOSES_ERROR, 0));
            double total = causes.values().stream().mapToDouble(Double::doubleValue).sum();
            double slowOrError = causes.get("slow consumers cut") + causes.get("errors");
            if (total > 0) {
                String text = RuleText.subject(row) + Figures.display(total, "connection", "connections")
                        + " closed by the server: " + parts(causes);
                findings.add(slowOrError > 0 ? Finding.note(text) : Finding.info(text));
            }
            OptionalDouble unexplained = row.number(SummaryColumns.CLOSES_SERVER_UNEXPLAINED);
            if (RuleText.positive(unexplained)) {
                double serverOther = row.numberOr(SummaryColumns.CLOSES_SERVER_OTHER, 0);
                findings.add(Finding.warning(RuleText.subject(row) + "server-other closes unexplained: "
                        + Figures.display(unexplained) + " of " + Figures.display(serverOther)
                        + " had no cause the server counted (a close it cannot see, such as a reset on the way, "
                        + "or a counting fault)"));
            }
        }
        return findings;
    }

    private static String parts(Map<String, Double> causes) {
        List<String> parts = new ArrayList<>();
        causes.forEach((cause, count) -> {
            if (count > 0) {
                parts.add(Figures.display(count) + " " + cause);
            }
        });
        return String.join(", ", parts);
    }
}
