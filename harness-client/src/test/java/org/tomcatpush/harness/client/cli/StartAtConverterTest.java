package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** {@code --start-at}: an ISO instant or epoch ms, within ten minutes ahead and five seconds past. */
class StartAtConverterTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:30:00Z");

    @Test
    void readsAnIsoInstantAndEpochMilliseconds() {
        assertEquals(Instant.parse("2026-12-02T03:40:00Z"), StartAtConverter.parse("2026-12-02T03:40:00Z", NOW));
        assertEquals(Instant.parse("2026-12-02T03:31:00.250Z"),
                StartAtConverter.parse(Long.toString(Instant.parse("2026-12-02T03:31:00.250Z").toEpochMilli()), NOW));
    }

    @Test
    void takesTenMinutesAheadAndFiveSecondsPastButNoFurther() {
        assertEquals(NOW.plusSeconds(600), StartAtConverter.parse("2026-12-02T03:40:00Z", NOW));
        assertEquals(NOW.minusSeconds(5), StartAtConverter.parse("2026-12-02T03:29:55Z", NOW));
        assertEquals("--start-at 2026-12-02T03:40:00.001Z is more than 10 minutes ahead of this machine's clock"
                + " (2026-12-02T03:30:00Z): give a time closer to now", assertThrows(IllegalArgumentException.class,
                        () -> StartAtConverter.parse("2026-12-02T03:40:00.001Z", NOW)).getMessage());
        assertEquals("--start-at 2026-12-02T03:29:54Z has passed by more than 5 s on this machine's clock"
                + " (2026-12-02T03:30:00Z): give a time ahead of now", assertThrows(IllegalArgumentException.class,
                        () -> StartAtConverter.parse("2026-12-02T03:29:54Z", NOW)).getMessage());
    }

    @Test
    void refusesWhatIsNotATime() {
        assertEquals("--start-at 'tomorrow' is not a time: write an ISO-8601 instant such as 2026-12-02T03:40:00Z,"
                + " or epoch milliseconds", assertThrows(IllegalArgumentException.class,
                        () -> StartAtConverter.parse("tomorrow", NOW)).getMessage());
    }
}
