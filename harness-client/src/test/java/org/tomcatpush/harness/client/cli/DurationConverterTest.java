package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "2m, 120000",
        "1h, 3600000",
        "0, 0",
        "0ms, 0",
        "1.5s, 1500",
        "0.25s, 250",
        "' 2M ', 120000",
        "3000MS, 3000",
    })
    void acceptsUnitsAndAPlainZero(String text, long expectedMs) {
        assertEquals(Duration.ofMillis(expectedMs), DurationConverter.parse(text));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "-1s", "10x", "s", "1.2.3s", "5 minutes", "1e3", "ten"})
    void refusesAnythingElseNamingTheAcceptedForms(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> DurationConverter.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "' is not a duration: write e.g. 500ms, 30s or 2m"),
                e.getMessage());
    }

    @ParameterizedTest(name = "''{0}'' has no unit")
    @ValueSource(strings = {"45", "500", "1.5", " 30 "})
    void refusesAPlainNumberOtherThanZeroSpellingOutBothReadings(String text) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> DurationConverter.parse(text));
        String number = text.trim();
        assertEquals("'" + number + "' has no unit: write " + number + "ms or " + number + "s",
                e.getMessage());
    }

    @Test
    void refusesDurationsTooLongToCount() {
        assertThrows(TypeConversionException.class, () -> DurationConverter.parse("99999999999999h"));
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
        assertEquals("30s", DurationConverter.format(Duration.ofSeconds(30)));
        assertEquals("2m", DurationConverter.format(Duration.ofMinutes(2)));
        assertEquals("1h", DurationConverter.format(Duration.ofHours(1)));
        assertEquals("0s", DurationConverter.format(Duration.ZERO));
        for (String text : new String[] {"1500ms", "30s", "2m", "1h"}) {
            assertEquals(text, DurationConverter.format(DurationConverter.parse(text)));
        }
    }
}
