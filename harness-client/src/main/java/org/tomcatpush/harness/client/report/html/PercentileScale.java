package org.tomcatpush.harness.client.report.html;

/**
 * Places percentiles on the x axis of a latency distribution as HdrHistogram's plots do: at
 * 1/(1-p), on a log scale, so that 50 %, 90 %, 99 %, 99.9 % ... are equally spaced and the tail
 * gets the room it deserves.
 */
public final class PercentileScale {

    private PercentileScale() {
    }

    /**
     * The x position of {@code percentile} (0-100) in a distribution of {@code count} values.
     * 100 % itself is infinitely far out; the maximum is placed at {@code count} (the one value
     * in {@code count}), or at {@code previousX} if that is further.
     */
    public static double position(double percentile, long count, double previousX) {
        if (percentile >= 100) {
            return Math.max(Math.max(count, 1), previousX);
        }
        return 1 / (1 - Math.max(percentile, 0) / 100);
    }
}
