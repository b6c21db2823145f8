package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.client.serverstats.HeapReading;

/** {@code server_heap_bytes_per_session}: (held heap - baseline heap) / sessions held, or unknown. */
class HeldMemoryTest {

    private static final HeapReading BASELINE = new HeapReading(10_000_000, 100_000_000, 80);

    @Test
    void theHeapOverTheBaselineIsSharedByTheSessionsHeld() {
        HeldMemory held = new HeldMemory(BASELINE, new HeapReading(50_000_000, 190_000_000, 120), 500);

        assertEquals(80_000.0, held.heapBytesPerSession());
        assertEquals("80000", Figures.wholeNumberCell(held.heapBytesPerSession()));
    }

    @Test
    void aHeapSmallerThanTheBaselineIsWrittenAsTheNegativeNumberItIs() {
        HeldMemory shrunk = new HeldMemory(BASELINE, new HeapReading(9_999_000, 100_000_000, 50), 3);

        assertEquals("-333", Figures.wholeNumberCell(shrunk.heapBytesPerSession()));
    }

    @Test
    void withoutEitherReadingOrWithoutSessionsItIsUnknown() {
        HeapReading held = new HeapReading(50_000_000, -1, 120);

        assertTrue(Double.isNaN(new HeldMemory(HeapReading.UNKNOWN, held, 500).heapBytesPerSession()));
        assertTrue(Double.isNaN(new HeldMemory(BASELINE, HeapReading.UNKNOWN, 500).heapBytesPerSession()));
        assertTrue(Double.isNaN(new HeldMemory(BASELINE, held, 0).heapBytesPerSession()), "no session held");
        assertEquals("", Figures.wholeNumberCell(HeldMemory.UNKNOWN.heapBytesPerSession()));
    }

    @Test
    void theRssOverTheBaselineIsSharedByTheSessionsHeld() {
        HeldMemory held = new HeldMemory(BASELINE, new HeapReading(50_000_000, 190_000_000, 120), 500);

        assertEquals(180_000.0, held.rssBytesPerSession());
    }

    @Test
    void withoutAnRssInEitherReadingTheRssPerSessionIsUnknown() {
        HeldMemory noHeldRss = new HeldMemory(BASELINE, new HeapReading(50_000_000, -1, 120), 500);
        HeldMemory noBaselineRss = new HeldMemory(new HeapReading(10_000_000, -1, 80),
                new HeapReading(50_000_000, 190_000_000, 120), 500);

        assertTrue(Double.isNaN(noHeldRss.rssBytesPerSession()));
        assertTrue(Double.isNaN(noBaselineRss.rssBytesPerSession()));
        assertEquals(80_000.0, noHeldRss.heapBytesPerSession(), "the heap figure does not need the RSS");
    }
}
