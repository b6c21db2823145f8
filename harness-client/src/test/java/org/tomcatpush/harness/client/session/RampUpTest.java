package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sessions start evenly spread over the ramp-up. */
class RampUpTest {

    @Test
    void tenSessionsOverOneSecondStartEveryHundredMillis() {
        long rampUpNanos = 1_000_000_000L;
        for (int i = 0; i < 10; i++) {
            assertEquals(i * 100_000_000L, RampUp.startOffsetNanos(i, 10, rampUpNanos));
        }
    }

    @Test
    void zeroRampUpStartsEverySessionAtOnce() {
        assertEquals(0, RampUp.startOffsetNanos(9_999, 10_000, 0));
    }
}
