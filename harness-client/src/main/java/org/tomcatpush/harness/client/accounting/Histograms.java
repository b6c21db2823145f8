package org.tomcatpush.harness.client.accounting;

import org.HdrHistogram.Histogram;

/**
 * Clearing and adding the run's latency histograms without touching the counts of one that holds
 * nothing. Each histogram tracks up to an hour at 3 significant digits, 23,552 counts (184 KiB),
 * and HdrHistogram's {@code reset} and {@code add} walk every count even when the histogram is
 * empty; the run drains a histogram per transport and kind of figure every second, and most of them
 * are empty in any one second (a stream's connect times after its ramp-up, every poll figure in an
 * SSE run).
 */
public final class Histograms {

    private Histograms() {
    }

    /**
     * Empties {@code histogram} as {@link Histogram#reset()} does; one that holds no value has all
     * its counts at zero already, and only its tag and time stamps are reset.
     */
    public static void clear(Histogram histogram) {
        if (histogram.getTotalCount() > 0) {
            histogram.reset();
        } else {
            histogram.setTag(null);
            histogram.setStartTimeStamp(Long.MAX_VALUE);
            histogram.setEndTimeStamp(0);
        }
    }

    /** Adds {@code values} to {@code sum}, as {@link Histogram#add} does; nothing to do when it holds no value. */
    public static void addTo(Histogram sum, Histogram values) {
        if (values.getTotalCount() > 0) {
            sum.add(values);
        }
    }
}
