package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.RunInfo;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatencyRuleTest {

    private final LatencyRule rule = new LatencyRule();

    @Test
    void p99LatencyFromTheSummary() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "messages_received", "10",
                "latency_p50_ms", "1.1", "latency_p99_ms", "5.2", "latency_max_ms", "9.8")));

        assertEquals(List.of(Finding.info("sse: p99 latency 5.2 ms (p50 1.1 ms, max 9.8 ms)")), findings);
    }

    @Test
    void histogramFillsInWhenTheSummaryHasNoLatencyColumns() {
        LatencyDistribution ws = new LatencyDistribution("ws", 100, 1, 0.9, 2, 3.1, 4, 4.4, List.of());

        List<Finding> findings = rule.evaluate(run(RunInfo.empty(), List.of(ws), row("transport", "ws")));

        assertEquals(List.of(Finding.info("ws: p99 latency 3.1 ms (p50 0.9 ms, max 4.4 ms)")), findings);
    }

    @Test
    void noMessagesNoLatencyFinding() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "messages_received", "0",
                "latency_p99_ms", "0"))));
    }
}
