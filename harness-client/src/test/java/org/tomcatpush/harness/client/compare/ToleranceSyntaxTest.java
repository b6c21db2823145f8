package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tolerance language: every form it accepts, and a clear message for what it refuses. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ToleranceSyntaxTest {

    @Test
    void plusPercentMayRiseByThatShareOfTheBaseline() {
        Tolerance t = ToleranceSyntax.parse("+25%", "latency_p99_ms", null);
        assertEquals(Tolerance.Kind.BANDED, t.kind());
        assertEquals(Direction.MAY_NOT_RISE, t.direction());
        assertEquals(25.0, t.allowance(100), 1e-9);
        assertFalse(t.strict());
    }

    @Test
    void minusPercentMayFallByThatShareOfTheBaseline() {
        Tolerance t = ToleranceSyntax.parse("-10%", "messages_received", null);
        assertEquals(Direction.MAY_NOT_FALL, t.direction());
        assertEquals(50.0, t.allowance(500), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"±2", "+-2"})
    void plusMinusMayMoveEitherWay(String text) {
        Tolerance t = ToleranceSyntax.parse(text, "requests", null);
        assertEquals(Direction.MAY_NOT_MOVE, t.direction());
        assertEquals(2.0, t.allowance(1000), 1e-9);
    }

    @Test
    void secondsOnAMillisecondMetricAreConverted() {
        assertEquals(2000.0, ToleranceSyntax.parse("+2s", "latency_p99_ms", null).allowance(0), 1e-9);
        assertEquals(20.0, ToleranceSyntax.parse("+20ms", "latency_p99_ms", null).allowance(0), 1e-9);
        assertEquals(0.5, ToleranceSyntax.parse("+500ms", "measured_duration_s", null).allowance(0), 1e-9);
    }

    @Test
    void relativeOrAbsoluteAllowsTheLargerOfTheTwo() {
        Tolerance t = ToleranceSyntax.parse("+50% or +20ms", "latency_p50_ms", null);
        assertEquals(20.0, t.allowance(4), 1e-9, "small baseline: the absolute floor");
        assertEquals(100.0, t.allowance(200), 1e-9, "large baseline: the relative part");
    }

    @Test
    void unsignedBoundTakesTheMetricsDefaultDirection() {
        assertEquals(Direction.MAY_NOT_FALL, ToleranceSyntax.parse("10%", "messages_received",
                Direction.MAY_NOT_FALL).direction());
        assertEquals(Direction.MAY_NOT_MOVE, ToleranceSyntax.parse("10%", "messages_received", null).direction());
        assertEquals(Direction.MAY_NOT_RISE, ToleranceSyntax.parse("50% or +5ms", "latency_p50_ms",
                Direction.MAY_NOT_FALL).direction(), "a signed bound decides for its unsigned partner");
    }

    @Test
    void exactIgnoreAndZeroAllowancesAreStrict() {
        assertTrue(ToleranceSyntax.parse("exact", "messages_lost", null).strict());
        assertTrue(ToleranceSyntax.parse("EXACT", "messages_lost", null).strict());
        assertTrue(ToleranceSyntax.parse("+0", "errors", null).strict());
        assertEquals(Direction.MAY_NOT_FALL, ToleranceSyntax.parse("-0", "sessions_open_max", null).direction());
        assertFalse(ToleranceSyntax.parse("ignore", "server_samples", null).compared());
    }

    @ParameterizedTest(name = "''{0}'' on {1}")
    @CsvSource(delimiter = ';', value = {
        "+25 percent;latency_p99_ms;is not understood",
        "+2ms;messages_received;is not a time",
        "+50% or -20ms;latency_p50_ms;mixes signs",
        "+5% or +10%;latency_p50_ms;two relative bounds",
        "+5 or +10ms;latency_p50_ms;two absolute bounds",
        "+1% or +2 or +3;latency_p50_ms;more than two bounds",
        "'';latency_p50_ms;is empty",
        "-+5%;latency_p50_ms;is not understood"})
    void badToleranceIsRefusedWithTheMetricAndTheFix(String text, String metric, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToleranceSyntax.parse(text, metric, null));
        assertTrue(e.getMessage().contains(metric), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }
}
