package org.tomcatpush.harness.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one grammar of time values: units, decimals rounded to whole ms, a bare number kept as written. */
class TimeValueTest {

    @ParameterizedTest(name = "{0} is {1} ms, unit {2}")
    @CsvSource({
        "500ms, 500, true",
        "30s, 30000, true",
        "2m, 120000, true",
        "1h, 3600000, true",
        "1.5s, 1500, true",
        "0.0005s, 1, true",
        "0.0004s, 0, true",
        "' 2M ', 120000, true",
        "-1s, -1000, true",
        "1000, 1000, false",
        "-1, -1, false",
        "0, 0, false",
        "2.5, 3, false",
    })
    void parsesTheNumberAndSaysWhetherAUnitWasWritten(String text, long millis, boolean hasUnit) {
        assertEquals(new TimeValue.Parsed(millis, hasUnit), TimeValue.parse(text));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "abc", "10x", "s", "1.2.3s", "5 minutes", "1e3", "--1", "1s5"})
    void refusesAnythingElseShowingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeValue.parse(text));
        assertEquals("'" + text.strip() + "' is not a duration: write e.g. 500ms, 30s or 2m", e.getMessage());
        IllegalArgumentException server = assertThrows(IllegalArgumentException.class,
                () -> TimeValue.serverMillis(text));
        assertEquals("'" + text.strip() + "' is not a duration: write e.g. 500ms, 30s or 2m, or a number of"
                + " milliseconds", server.getMessage());
    }

    @Test
    void refusesTimesTooLongToCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeValue.serverMillis("99999999999999h"));
        assertEquals("'99999999999999h' is too long a duration: use at most a few days", e.getMessage());
    }

    @Test
    void formatsWithTheLargestExactUnitAndParsesBack() {
        assertEquals("1500ms", TimeValue.format(1500));
        assertEquals("30s", TimeValue.format(30_000));
        assertEquals("2m", TimeValue.format(120_000));
        assertEquals("1h", TimeValue.format(3_600_000));
        assertEquals("0s", TimeValue.format(0));
        for (long ms : new long[] {1, 999, 1500, 60_000, 90_000, 7_200_000}) {
            assertEquals(ms, TimeValue.parse(TimeValue.format(ms)).millis());
        }
    }
}
