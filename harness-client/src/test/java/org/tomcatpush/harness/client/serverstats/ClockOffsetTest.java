package org.tomcatpush.harness.client.serverstats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The clock offset is the server's time minus the midpoint of the request on the client's clock. */
class ClockOffsetTest {

    @Test
    void aServerAheadByOneSecondOnATwentyMillisecondRoundTrip() {
        assertEquals(new ClockOffset(1_000, 20), ClockOffset.of(1_000_001_010L, 1_000_000_000L, 1_000_000_020L));
    }

    @Test
    void aServerBehindGivesANegativeOffset() {
        assertEquals(new ClockOffset(-250, 4), ClockOffset.of(9_752, 10_000, 10_004));
    }
}
