package org.tomcatpush.harness.client.results;

import org.tomcatpush.harness.client.serverstats.HeapReading;

/**
 * The server's heap cost of the sessions a run held: its live heap (after a full collection) on
 * the idle server right after the reset, before the load, and again at the end of the measured
 * window while the sessions were still open, with the sessions open at that moment. See
 * docs/SERVER.md for how the readings are taken and how noisy they are. Immutable.
 *
 * @param baseline     the idle server's heap after a collection
 * @param held         the heap after a collection with the sessions held
 * @param sessionsHeld sessions open when {@code held} was read
 */
public record HeldMemory(HeapReading baseline, HeapReading held, long sessionsHeld) {

    public static final HeldMemory UNKNOWN = new HeldMemory(HeapReading.UNKNOWN, HeapReading.UNKNOWN, 0);

    /**
     * (held heap minus baseline heap) / sessions held, bytes per session; negative when the heap
     * ended smaller than it began (noise larger than the sessions' cost); NaN when either reading
     * is unknown or no session was held.
     */
    public double heapBytesPerSession() {
        if (!baseline.known() || !held.known() || sessionsHeld <= 0) {
            return Double.NaN;
        }
        return (double) (held.heapUsedBytes() - baseline.heapUsedBytes()) / sessionsHeld;
    }

    /**
     * (held RSS minus baseline RSS) / sessions held, bytes per session: what the process grew by
     * to hold them, heap it committed (garbage and free regions included: a collection rarely
     * gives memory back), thread stacks touched and native buffers; NaN when either RSS is
     * unknown (off Linux) or no session was held.
     */
    public double rssBytesPerSession() {
        if (!baseline.known() || !held.known() || baseline.rssBytes() < 0 || held.rssBytes() < 0
                || sessionsHeld <= 0) {
            return Double.NaN;
        }
        return (double) (held.rssBytes() - baseline.rssBytes()) / sessionsHeld;
    }
}
