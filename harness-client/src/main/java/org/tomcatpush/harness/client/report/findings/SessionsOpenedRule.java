package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Warns, per transport, when sessions never opened (never got a response, a stream or an upgrade,
 * e.g. waiting in the executor queue behind blocking handlers, experiment E4): their latency is
 * nowhere in the delivery figures, so the run measured less load than it was asked to. Quotes the
 * time to first message, in which those sessions count their whole wait (censored at the end).
 */
public final class SessionsOpenedRule implements FindingRule {

    @Override
    public List<Finding> evaluate(RunData run) {
        List<Finding> findings = new ArrayList<>();
        for (SummaryRow row : run.transportRows()) {
            OptionalDouble neverOpened = row.number(SummaryColumns.SESSIONS_NEVER_OPENED);
            if (!RuleText.positive(neverOpened)) {
                continue;
            }
            OptionalDouble sessions = row.number(SummaryColumns.SESSIONS);
            OptionalDouble p99 = row.number(SummaryColumns.FIRST_MESSAGE_P99_MS);
            double count = neverOpened.getAsDouble();
            String howMany = sessions.isPresent()
                    ? Figures.display(count) + " of " + Figures.display(sessions.getAsDouble(), "session", "sessions")
                    : Figures.display(count, "session", "sessions");
            findings.add(Finding.warning(RuleText.subject(row) + howMany + " never opened (no response, stream or upgrade): the delivery figures leave them out"
                    + (p99.isPresent() ? "; time to first message p99 " + Figures.display(p99.getAsDouble())
                            + " ms, those still waiting counted until the end of the run" : "")));
        }
        return findings;
    }
}
