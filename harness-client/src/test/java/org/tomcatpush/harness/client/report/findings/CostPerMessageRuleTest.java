package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CostPerMessageRuleTest {

    private final CostPerMessageRule rule = new CostPerMessageRule();

    @Test
    void requestsAndBytesPerDeliveredMessage() {
        List<Finding> findings = rule.evaluate(run(row("transport", "long-poll", "requests_per_message", "1.02",
                "bytes_per_message", "512")));

        assertEquals(List.of(Finding.info("long-poll: 1.02 requests and 512 bytes per delivered message")), findings);
    }

    @Test
    void oneRequestPerMessageIsSingular() {
        List<Finding> findings = rule.evaluate(run(row("transport", "short-poll", "requests_per_message", "1")));

        assertEquals(List.of(Finding.info("short-poll: 1 request per delivered message")), findings);
    }

    @Test
    void absentFiguresSayNothing() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "requests_per_message", "n/a"))));
    }
}
