package org.tomcatpush.harness.client.serverstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How late the server's publisher went out against its schedule since the last reset: the lag
 * (actual minus intended publish time) of every message, from an HdrHistogram on the server.
 * Delivery latency counts from the intended time, so it already includes this lag. Immutable;
 * -1 where the server gave no figure (a server older than this field).
 *
 * @param lagP50Ms  median lag, ms
 * @param lagP99Ms  99th percentile lag, ms
 * @param lagMaxMs  largest lag, ms
 * @param published messages whose lag was recorded
 */
public record PublisherStats(double lagP50Ms, double lagP99Ms, double lagMaxMs, long published) {

    public static final PublisherStats UNKNOWN = new PublisherStats(-1, -1, -1, -1);

    static PublisherStats from(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return UNKNOWN;
        }
        return new PublisherStats(node.path("lagP50Ms").asDouble(-1), node.path("lagP99Ms").asDouble(-1),
                node.path("lagMaxMs").asDouble(-1), node.path("published").asLong(-1));
    }

    public boolean known() {
        return lagMaxMs >= 0;
    }
}
