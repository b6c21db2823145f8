package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FiguresTest {

    @Test
    void wholeNumbersExactlyOthersToThreeSignificantDigits() {
        assertEquals("12", Figures.format(12));
        assertEquals("5.2", Figures.format(5.2));
        assertEquals("1.45", Figures.format(1.449));
        assertEquals("0.0123", Figures.format(0.012345));
        assertEquals("12.3", Figures.format(12.345));
        assertEquals("199", Figures.format(198.5));
        assertEquals("12300", Figures.format(12345.6));
        assertEquals("2401", Figures.format(2401));
        assertEquals("299000", Figures.format(299401.2));
        assertEquals("100", Figures.format(100.0));
        assertEquals("-3.5", Figures.format(-3.5));
        assertEquals("0.0001", Figures.format(0.0001));
        assertEquals("0", Figures.format(0.0));
    }

    @Test
    void absentValuesAreNotAvailable() {
        assertEquals("n/a", Figures.format(Double.NaN));
        assertEquals("n/a", Figures.format(OptionalDouble.empty()));
    }

    @Test
    void countsAgreeWithTheirNoun() {
        assertEquals("1 message", Figures.count(1, "message", "messages"));
        assertEquals("3 messages", Figures.count(3, "message", "messages"));
        assertEquals("0 messages", Figures.count(0, "message", "messages"));
    }
}
