package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResponseTimeRuleTest {

    private final ResponseTimeRule rule = new ResponseTimeRule();

    @Test
    void correctedAndUncorrectedP99AreStatedSideBySide() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "response_time_p99_ms", "4.8",
                "response_time_uncorrected_p99_ms", "4.1")));

        assertEquals(List.of(Finding.info("short-poll: p99 poll response time 4.8 ms from the intended send time, "
                + "4.1 ms from the actual send")), findings);
    }

    @Test
    void correctedFarAboveUncorrectedMeansPollsFellBehind() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "response_time_p99_ms", "250",
                "response_time_uncorrected_p99_ms", "12")));

        assertEquals(List.of(Finding.warning("short-poll: p99 poll response time 250 ms from the intended send time, "
                + "12 ms from the actual send: polls went out late because earlier ones were slow")), findings);
    }

    @Test
    void streamsWithoutResponseTimesSayNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "response_time_p99_ms", ""))));
    }
}
