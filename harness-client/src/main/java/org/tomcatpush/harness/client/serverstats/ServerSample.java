package org.tomcatpush.harness.client.serverstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One sample of the server's fine-grained probe series ({@code /harness/stats?series=true}),
 * taken every {@code --sample-interval} ms. Immutable; -1 where the server gave no figure.
 *
 * @param epochMs       when the server took the sample
 * @param busyThreads   busy worker threads (or handlers in progress with virtual threads)
 * @param queueLength   tasks waiting in the executor queue
 * @param connections   connections the connector held
 * @param asyncInFlight async requests in flight, all transports
 * @param wsSessions    open WebSocket sessions
 * @param heapUsedBytes the server's heap in use, garbage included
 * @param rssBytes      the server process's resident set size (-1 off Linux)
 */
public record ServerSample(long epochMs, long busyThreads, long queueLength, long connections, long asyncInFlight,
        long wsSessions, long heapUsedBytes, long rssBytes) {

    /** A sample without memory figures (a server older than them). */
    public ServerSample(long epochMs, long busyThreads, long queueLength, long connections, long asyncInFlight,
            long wsSessions) {
        this(epochMs, busyThreads, queueLength, connections, asyncInFlight, wsSessions, -1, -1);
    }

    static ServerSample from(JsonNode node) {
        return new ServerSample(node.path("t").asLong(-1), node.path("busy").asLong(-1), node.path("queue").asLong(-1),
                node.path("connections").asLong(-1), node.path("asyncInFlight").asLong(-1),
                node.path("wsSessions").asLong(-1), node.path("heapUsed").asLong(-1), node.path("rss").asLong(-1));
    }
}
