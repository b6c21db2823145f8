package org.tomcatpush.harness.client.serverstats;

import java.util.List;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One probe of the server (busy threads, queue length, connections) summarised over samples taken
 * every {@code --sample-interval} ms: mean, p50, p99 and max. Immutable; -1 where there is no figure.
 * A run's summary figures come from {@link #of(List, ToLongFunction)} over the server's own series
 * in the measured window, the one computation that summary.csv, the CLI table, the findings and
 * the report all show.
 */
public record SampledStats(double mean, long p50, long p99, long max) {

    /** No samples. */
    public static final SampledStats UNKNOWN = new SampledStats(-1, -1, -1, -1);

    /**
     * The summary of one figure over {@code samples}, leaving out samples where the server had no
     * value for it (-1). Exact: the mean of the values, nearest-rank percentiles (the value at rank
     * ceil(p/100 x n), as HdrHistogram defines them), the largest value.
     */
    public static SampledStats of(List<ServerSample> samples, ToLongFunction<ServerSample> figure) {
        long[] values = samples.stream().mapToLong(figure).filter(v -> v >= 0).sorted().toArray();
        if (values.length == 0) {
            return UNKNOWN;
        }
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return new SampledStats(sum / values.length, atPercentile(values, 50), atPercentile(values, 99),
                values[values.length - 1]);
    }

    private static long atPercentile(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    static SampledStats from(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return UNKNOWN;
        }
        return new SampledStats(node.path("mean").asDouble(-1), node.path("p50").asLong(-1),
                node.path("p99").asLong(-1), node.path("max").asLong(-1));
    }

    public boolean known() {
        return max >= 0;
    }
}
