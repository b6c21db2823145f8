package org.tomcatpush.harness.client.serverstats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

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

    @Test
    void clocksApartByNoMoreThanTheToleranceBeyondHalfTheRoundTripAreNotAProblem() {
        assertEquals(0, new ClockOffset(3, 10).skewMs(), "within the half round trip");
        assertEquals(Optional.empty(), new ClockOffset(10, 10).problem(), "5 ms beyond it: the tolerance");
        assertEquals(Optional.empty(), new ClockOffset(-10, 10).problem());
        assertEquals(6, new ClockOffset(11, 10).skewMs());
        assertEquals(6, new ClockOffset(-11, 10).skewMs());
    }

    @Test
    void aClientClockBehindTheServersMakesItsLatenciesTooShortAndSaysSo() {
        assertEquals(Optional.of("the client's clock is 40 ms behind the server's (known to within 2 ms): its delivery"
                + " latencies, the client's receive time less the server's publish time, are about 40 ms too short;"
                + " synchronise the clocks (chrony or NTP) before reading them"), new ClockOffset(40, 4).problem());
        assertEquals(Optional.of("the client's clock is 11 ms ahead of the server's (known to within 5 ms): its"
                + " delivery latencies, the client's receive time less the server's publish time, are about 11 ms too"
                + " long; synchronise the clocks (chrony or NTP) before reading them"), new ClockOffset(-11, 9)
                .problem());
    }
}
