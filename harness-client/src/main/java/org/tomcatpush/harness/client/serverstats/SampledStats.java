package org.tomcatpush.harness.client.serverstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's summary of one probe sampled every {@code --sample-interval} ms since the last
 * reset (an HdrHistogram on the server). Immutable; -1 where the server gave no figure.
 */
public record SampledStats(double mean, long p50, long p99, long max) {

    /** No samples. */
    public static final SampledStats UNKNOWN = new SampledStats(-1, -1, -1, -1);

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
