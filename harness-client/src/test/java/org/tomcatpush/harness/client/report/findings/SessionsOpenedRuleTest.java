package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SessionsOpenedRuleTest {

    private final SessionsOpenedRule rule = new SessionsOpenedRule();

    @Test
    void sessionsThatNeverOpenedAreAWarningWithTheirCensoredWait() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "sessions", "20", "sessions_opened", "8",
                "sessions_never_opened", "12", "first_message_p99_ms", "5003.2")));

        assertEquals(List.of(Finding.warning("sse: 12 of 20 sessions never opened (no response, stream or upgrade):"
                + " the delivery figures leave them out; time to first message p99 5000 ms, those still waiting"
                + " counted until the end of the run")), findings);
    }

    @Test
    void everySessionOpenedSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "ws", "sessions", "20", "sessions_opened", "20",
                "sessions_never_opened", "0"))));
    }

    @Test
    void aRunWrittenBeforeTheColumnExistedSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "sessions", "20"))));
    }

    @Test
    void eachTransportOfAMixIsJudgedAndTheAllRowIsNotCountedTwice() {
        List<Finding> findings = rule.evaluate(run(
                row("transport", "sse", "sessions", "10", "sessions_never_opened", "1"),
                row("transport", "ws", "sessions", "10", "sessions_never_opened", "0"),
                row("transport", "all", "sessions", "20", "sessions_never_opened", "1")));

        assertEquals(List.of("sse: 1 of 10 sessions never opened (no response, stream or upgrade): the delivery"
                + " figures leave them out"), Runs.texts(findings));
    }

    @Test
    void theWarningComesFirstAmongTheDefaultFindings() {
        List<Finding> findings = Findings.evaluate(run(row("transport", "sse", "sessions", "20",
                "sessions_opened", "8", "sessions_never_opened", "12", "messages_received", "80",
                "messages_lost", "0", "messages_duplicated", "0", "status", "completed")));

        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).text().startsWith("sse: 12 of 20 sessions never opened"), findings.toString());
    }
}
