package org.tomcatpush.harness.client.report.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tomcatpush.harness.client.report.findings.Runs.row;
import static org.tomcatpush.harness.client.report.findings.Runs.run;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PublisherLagRuleTest {

    private static final String ALREADY_INCLUDED = ": those messages went out late, and delivery latency, counted"
            + " from each message's intended publish time, already includes the delay";

    private final PublisherLagRule rule = new PublisherLagRule();

    @Test
    void aLagAboveATenthOfThePublishIntervalIsNotedAsIncludedInLatency() {
        List<Finding> findings = rule.evaluate(run(row("transport", "sse", "publish_rate", "20",
                "publisher_lag_p99_ms", "1.25", "publisher_lag_max_ms", "512.3")));

        assertEquals(List.of(Finding.note("the publisher fell behind its schedule by up to 512 ms (p99 1.25 ms),"
                + " more than a tenth of its 50 ms publish interval" + ALREADY_INCLUDED)), findings);
    }

    @Test
    void aLagUpToATenthOfTheIntervalIsOrdinary() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "publish_rate", "20",
                "publisher_lag_max_ms", "5"))));
        assertEquals(1, rule.evaluate(run(row("transport", "sse", "publish_rate", "20",
                "publisher_lag_max_ms", "5.1"))).size());
    }

    @Test
    void theThresholdIsHeldBetweenOneAndFiftyMilliseconds() {
        assertEquals(List.of(), rule.evaluate(run(row("publish_rate", "1", "publisher_lag_max_ms", "50"))),
                "a tenth of 1 s would be 100 ms: 50 ms is the most");
        assertEquals(List.of("the publisher fell behind its schedule by up to 60 ms, more than 50 ms"
                + ALREADY_INCLUDED), Runs.texts(rule.evaluate(run(row("publish_rate", "1",
                "publisher_lag_max_ms", "60")))));
        assertEquals(List.of(), rule.evaluate(run(row("publish_rate", "1000", "publisher_lag_max_ms", "0.9"))),
                "a tenth of 1 ms would be 0.1 ms: 1 ms is the least");
        assertEquals(List.of("the publisher fell behind its schedule by up to 2 ms, more than 1 ms"
                + ALREADY_INCLUDED), Runs.texts(rule.evaluate(run(row("publish_rate", "1000",
                "publisher_lag_max_ms", "2")))));
    }

    @Test
    void withoutAKnownRateTheThresholdIsFiftyMilliseconds() {
        assertEquals(List.of(), rule.evaluate(run(row("publisher_lag_max_ms", "49"))));
        assertEquals(1, rule.evaluate(run(row("publish_rate", "0", "publisher_lag_max_ms", "51"))).size());
    }

    @Test
    void noLagFigureNoFinding() {
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "publish_rate", "20",
                "publisher_lag_max_ms", ""))));
        assertEquals(List.of(), rule.evaluate(run(row("transport", "sse", "publish_rate", "20"))));
    }

    @Test
    void aMixedRunGetsOneFindingForItsOnePublisher() {
        assertEquals(1, rule.evaluate(run(row("transport", "sse", "publish_rate", "20", "publisher_lag_max_ms", "90"),
                row("transport", "ws", "publish_rate", "20", "publisher_lag_max_ms", "90"),
                row("transport", "all", "publish_rate", "20", "publisher_lag_max_ms", "90"))).size());
    }
}
