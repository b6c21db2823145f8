package org.tomcatpush.harness.client.report.model;

import java.util.List;

/**
 * The delivery latency of one {@code latency.hlog} tag (a transport) over the whole run: every
 * interval histogram of that tag added together. Immutable; values in milliseconds.
 *
 * @param tag    the histogram tag, i.e. the transport name ({@code all} for untagged intervals)
 * @param count  number of recorded messages
 * @param meanMs mean latency
 * @param p50Ms  median
 * @param p90Ms  90th percentile
 * @param p99Ms  99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs  largest recorded latency
 * @param points the percentile distribution, as HdrHistogram prints it (about five points per
 *               halving of the distance to 100 %), ending at the maximum
 */
public record LatencyDistribution(
        String tag,
        long count,
        double meanMs,
        double p50Ms,
        double p90Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        List<PercentilePoint> points) {

    public LatencyDistribution {
        points = List.copyOf(points);
    }

    /**
     * One point of a percentile distribution.
     *
     * @param percentile the percentile, 0 to 100
     * @param valueMs    the latency at or below which {@code percentile} % of messages arrived
     */
    public record PercentilePoint(double percentile, double valueMs) {
    }
}
