package org.tomcatpush.harness.server.probe;

import org.HdrHistogram.Histogram;

/**
 * Mean and percentiles of one sampled quantity since the last reset; all 0 when nothing was sampled.
 */
public record HistogramSummary(double mean, long p50, long p99, long max) {

    static HistogramSummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new HistogramSummary(0.0, 0, 0, 0);
        }
        return new HistogramSummary(histogram.getMean(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }
}
