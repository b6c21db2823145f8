package org.tomcatpush.harness.client.serverstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's per-TCP-connection ledger since the last reset: how many connections it served
 * requests on and how it closed them. Immutable; -1 where the server gave no figure.
 *
 * @param connectionsSeen              distinct connections that served at least one request (counted when it started)
 * @param requests                     requests counted in the ledger (when they started)
 * @param requestsPerConnectionMean    requests / connections seen
 * @param requestsPerConnectionMax     most requests on one connection
 * @param closedAtKeepAliveLimit       responses that carried {@code Connection: close} at {@code maxKeepAliveRequests}
 * @param closedOther                  connections the server closed for another reason
 */
public record PerConnectionStats(long connectionsSeen, long requests, double requestsPerConnectionMean,
        long requestsPerConnectionMax, long closedAtKeepAliveLimit, long closedOther) {

    public static final PerConnectionStats UNKNOWN = new PerConnectionStats(-1, -1, -1, -1, -1, -1);

    static PerConnectionStats from(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return UNKNOWN;
        }
        return new PerConnectionStats(node.path("connectionsSeen").asLong(-1), node.path("requests").asLong(-1),
                node.path("requestsPerConnectionMean").asDouble(-1), node.path("requestsPerConnectionMax").asLong(-1),
                node.path("closedAtKeepAliveLimit").asLong(-1), node.path("closedOther").asLong(-1));
    }
}
