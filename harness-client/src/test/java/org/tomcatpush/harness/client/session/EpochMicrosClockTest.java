package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The receive clock reads the wall clock of the publish timestamps, in microseconds. */
class EpochMicrosClockTest {

    /** Generous: the anchor is the midpoint of a wall-clock read, which a busy machine may stretch. */
    private static final long TOLERANCE_MICROS = 50_000;

    @Test
    void agreesWithTheWallClockInEpochMicroseconds() {
        for (int i = 0; i < 1_000; i++) {
            long before = micros(Instant.now());
            long clock = EpochMicrosClock.nowMicros();
            long after = micros(Instant.now());
            assertTrue(clock >= before - TOLERANCE_MICROS && clock <= after + TOLERANCE_MICROS,
                    "clock " + clock + " outside [" + before + ", " + after + "]");
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
