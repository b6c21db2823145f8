package org.tomcatpush.harness.client.serverstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Connections the server closed since the last reset, by the cause it saw ({@code serverCloses}
 * in {@code /harness/stats}, see docs/SERVER.md); each connection counts once. Immutable; -1
 * where the server gave no figure (an older server).
 *
 * @param keepAliveLimit  responses that said {@code Connection: close} at {@code maxKeepAliveRequests}
 * @param closingResponse other responses that said {@code Connection: close} (Tomcat after an error
 *                        status), and WebSocket sessions refused with close code 1003
 * @param streamEnd       WebSocket sessions the server ended itself (it was stopping)
 * @param slowConsumer    streams cut because the client did not read them (Tomcat's write timeout)
 * @param writeFailure    streams abandoned because a write found the connection already broken
 * @param error           requests or sessions ended by another error
 * @param total           all of them
 */
public record ServerCloseStats(long keepAliveLimit, long closingResponse, long streamEnd, long slowConsumer,
        long writeFailure, long error, long total) {

    public static final ServerCloseStats UNKNOWN = new ServerCloseStats(-1, -1, -1, -1, -1, -1, -1);

    static ServerCloseStats from(JsonNode node) {
        if (node == null || !node.isObject()) {
            return UNKNOWN;
        }
        return new ServerCloseStats(node.path("keepAliveLimit").asLong(-1), node.path("closingResponse").asLong(-1),
                node.path("streamEnd").asLong(-1), node.path("slowConsumer").asLong(-1),
                node.path("writeFailure").asLong(-1), node.path("error").asLong(-1), node.path("total").asLong(-1));
    }

    /** Whether the server reported its closes at all. */
    public boolean known() {
        return total >= 0;
    }

    /**
     * Closes the server made that its client sees as {@code server-other}: every cause but the
     * keep-alive limit (which the client classifies as such) and write failures (the connection
     * was already broken, so the client saw its own close or an error first); -1 when unknown.
     */
    public long explainingServerOther() {
        if (!known()) {
            return -1;
        }
        return closingResponse + streamEnd + slowConsumer + error;
    }
}
