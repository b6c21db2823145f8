package org.tomcatpush.harness.client.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void clearingEmptiesAHistogramAndItsTagAndTimeStampsAsResetDoes() {
        Histogram full = histogram(10, 20, 3000);
        full.setTag("sse");
        full.setStartTimeStamp(1_000);
        full.setEndTimeStamp(2_000);
        Histograms.clear(full);
        assertEmptyAsReset(full);

        Histogram empty = histogram();
        empty.setTag("sse");
        empty.setStartTimeStamp(1_000);
        empty.setEndTimeStamp(2_000);
        Histograms.clear(empty);
        assertEmptyAsReset(empty);
    }

    @Test
    void addingSumsTheCountsAndAddingAnEmptyHistogramChangesNothing() {
        Histogram sum = histogram(10, 20);
        Histograms.addTo(sum, histogram(20, 3000));
        assertEquals(4, sum.getTotalCount());
        assertEquals(2, sum.getCountAtValue(20));
        assertEquals(3000, sum.getMaxValue(), 3000 * 0.001);
        Histograms.addTo(sum, histogram());
        assertEquals(histogram(10, 20, 20, 3000), sum);
        assertEquals(10, sum.getMinNonZeroValue());
    }

    private static void assertEmptyAsReset(Histogram histogram) {
        Histogram reset = histogram();
        reset.reset();
        assertEquals(reset, histogram);
        assertEquals(0, histogram.getTotalCount());
        assertEquals(0, histogram.getMaxValue());
        assertEquals(Long.MAX_VALUE, histogram.getStartTimeStamp());
        assertEquals(0, histogram.getEndTimeStamp());
        assertNull(histogram.getTag());
        histogram.recordValue(7);
        assertEquals(7, histogram.getMinNonZeroValue());
        assertEquals(7, histogram.getMaxValue());
    }

    private static Histogram histogram(long... values) {
        Histogram histogram = new Histogram(1, TransportRecorder.MAX_TRACKABLE_MICROS, 3);
        for (long value : values) {
            histogram.recordValue(value);
        }
        return histogram;
    }
}
