package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One metric against its baseline: each tolerance kind and direction, with the verdict it must give. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MetricResultTest {

    private static Verdict verdict(String metric, String tolerance, double baseline, double current) {
        return MetricResult.evaluate(metric, baseline, current, ToleranceSyntax.parse(tolerance, metric, null)).verdict();
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3} is {4}")
    @CsvSource({
        // latency may not rise: noise passes, a real regression fails, a fall is an improvement
        "latency_p99_ms, +50% or +20ms, 10, 29, OK",
        "latency_p99_ms, +50% or +20ms, 10, 31, REGRESSION",
        "latency_p99_ms, +50% or +20ms, 200, 290, OK",
        "latency_p99_ms, +50% or +20ms, 200, 301, REGRESSION",
        "latency_p99_ms, +50% or +20ms, 200, 150, OK",
        "latency_p99_ms, +50% or +20ms, 200, 90, IMPROVED",
        // throughput may not fall
        "messages_received, -25%, 1000, 800, OK",
        "messages_received, -25%, 1000, 749, REGRESSION",
        "messages_received, -25%, 1000, 5000, IMPROVED",
        // counts fixed by the scenario may move a little either way
        "requests, ±10%, 100, 91, OK",
        "requests, ±10%, 100, 111, REGRESSION",
        "requests, ±10%, 100, 89, REGRESSION",
        // exact: off by one either way fails
        "messages_lost, exact, 0, 0, OK",
        "messages_lost, exact, 0, 1, REGRESSION",
        "requests_per_connection_max, exact, 10, 9, REGRESSION",
        "requests_per_connection_max, exact, 10, 11, REGRESSION",
        "requests_per_connection_mean, exact, 1, 1.000, OK",
        // may not rise at all: one more error fails, fewer is an improvement
        "errors, +0, 0, 1, REGRESSION",
        "errors, +0, 3, 2, IMPROVED",
        "sessions_open_max, -0, 20, 19, REGRESSION",
        // a relative allowance on a zero baseline allows nothing, the absolute floor still does
        "reconnects, +25%, 0, 1, REGRESSION",
        "reconnects, +25% or +2, 0, 2, OK"})
    void verdictFollowsToleranceAndDirection(String metric, String tolerance, double baseline, double current,
            Verdict expected) {
        assertEquals(expected, verdict(metric, tolerance, baseline, current));
    }

    @Test
    void emptyCurrentValueWhereTheBaselineHadOneIsMissing() {
        assertEquals(Verdict.MISSING, verdict("latency_p99_ms", "+50%", 10, Double.NaN));
        assertTrue(Verdict.MISSING.failure());
    }

    @Test
    void noBaselineValueIsNotAvailableAndDoesNotFail() {
        assertEquals(Verdict.NOT_AVAILABLE, verdict("busy_threads_max", "+50%", Double.NaN, 12));
        assertEquals(Verdict.NOT_AVAILABLE, verdict("busy_threads_max", "+50%", Double.NaN, Double.NaN));
    }

    @Test
    void limitAndExplanationNameTheAllowedValues() {
        MetricResult r = MetricResult.evaluate("latency_p99_ms", 10, 40,
                ToleranceSyntax.parse("+50% or +20ms", "latency_p99_ms", null));
        assertEquals(30.0, r.upperLimit(), 1e-9);
        assertEquals("<= 30 (+50% or +20ms)", MetricText.limit(r));
        assertEquals("+30 (+300.0%)", MetricText.change(r));
        assertEquals("latency_p99_ms rose from 10 ms to 40 ms (+30 (+300.0%)); allowed: <= 30 (+50% or +20ms)",
                MetricText.explain(r));
        MetricResult exact = MetricResult.evaluate("messages_lost", 0, 2, Tolerance.EXACT);
        assertEquals("= 0", MetricText.limit(exact));
        assertTrue(MetricText.explain(exact).startsWith("messages_lost changed from 0 to 2"),
                MetricText.explain(exact));
    }
}
