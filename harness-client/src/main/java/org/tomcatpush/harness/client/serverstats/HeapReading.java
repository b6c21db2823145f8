package org.tomcatpush.harness.client.serverstats;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server's answer to {@code POST /harness/gc}: the heap left in use right after a full
 * collection (the live heap, garbage excluded) and the resident set size then. Immutable; -1
 * where the server gave no figure, {@link #UNKNOWN} when it was not asked or did not answer.
 *
 * @param heapUsedBytes heap in use after the collection, bytes
 * @param rssBytes      the server process's resident set size, bytes
 * @param gcMillis      how long the collection paused the server, ms
 */
public record HeapReading(long heapUsedBytes, long rssBytes, long gcMillis) {

    public static final HeapReading UNKNOWN = new HeapReading(-1, -1, -1);

    static HeapReading from(JsonNode node) {
        return new HeapReading(node.path("heapUsedBytes").asLong(-1), node.path("rssBytes").asLong(-1),
                node.path("gcMillis").asLong(-1));
    }

    public boolean known() {
        return heapUsedBytes > 0;
    }
}
