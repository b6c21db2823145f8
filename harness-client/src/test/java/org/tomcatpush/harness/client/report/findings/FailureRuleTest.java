package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FailureRuleTest {

    private final FailureRule rule = new FailureRule();

    @Test
    void errorsAndConnectFailuresByKindAreWarnings() {
        List<Finding> findings = rule.evaluate(run(row("transport", "ws", "errors", "2", "connect_failures", "5",
                "connect_failures_refused", "3", "connect_failures_timeout", "2", "connect_failures_other", "0")));

        assertEquals(List.of(Finding.warning("ws: 2 errors"),
                Finding.warning("ws: 5 connect failures (3 refused, 2 timeout)")), findings);
    }

    @Test
    void noFailureSaysNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "ws", "errors", "0", "connect_failures", "0"))));
    }
}
