package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.util.Optional;

/**
 * How far the server's clock is from this machine's, read from {@code /harness/stats}'s
 * {@code timeMillis}: the server's time minus the midpoint of the request's send and receive on
 * this machine's clock, with the round trip beside it (the offset is known to within half of it).
 * Agents on different machines record it so that their times can be put on the server's clock.
 * Immutable.
 *
 * @param offsetMs    server time - client time at the midpoint of the request, ms (positive: the
 *                    server's clock is ahead)
 * @param roundTripMs the round trip of the request the offset comes from, ms
 */
public record ClockOffset(long offsetMs, long roundTripMs) {

    /**
     * How far the clocks may be apart, beyond what the measurement itself cannot tell (half the
     * round trip), before the run says its delivery latencies are off: 5 ms, the size of a
     * latency step the report still resolves.
     */
    public static final long SKEW_TOLERANCE_MS = 5;

    /** Readings {@link #measure} takes; the one with the shortest round trip is kept. */
    public static final int READINGS = 3;

    /** The offset of a server whose {@code timeMillis} is {@code serverMs}, asked between send and receive. */
    public static ClockOffset of(long serverMs, long sendMs, long receiveMs) {
        long roundTripMs = receiveMs - sendMs;
        return new ClockOffset(serverMs - (sendMs + roundTripMs / 2), roundTripMs);
    }

    /** How far apart the clocks are at least: the offset less the half round trip it is known to, never negative. */
    public long skewMs() {
        return Math.max(0, Math.abs(offsetMs) - (roundTripMs + 1) / 2);
    }

    /**
     * The one sentence a run says when the clocks are further apart than {@link #SKEW_TOLERANCE_MS}
     * beyond the measurement's uncertainty, empty otherwise. A delivery latency is the client's
     * receive time less the server's publish time, so it is off by the whole offset.
     */
    public Optional<String> problem() {
        if (skewMs() <= SKEW_TOLERANCE_MS) {
            return Optional.empty();
        }
        return Optional.of("the client's clock is " + Math.abs(offsetMs) + " ms " + (offsetMs > 0 ? "behind" : "ahead of")
                + " the server's (known to within " + (roundTripMs + 1) / 2 + " ms): its delivery latencies, the"
                + " client's receive time less the server's publish time, are about " + Math.abs(offsetMs) + " ms too "
                + (offsetMs > 0 ? "short" : "long") + "; synchronise the clocks (chrony or NTP) before reading them");
    }

    /**
     * Asks {@code stats} {@link #READINGS} times and keeps the reading with the shortest round trip
     * (the least room for queueing on either side).
     *
     * @throws IOException when the server does not answer, or reports no time
     */
    public static ClockOffset measure(StatsClient stats) throws IOException, InterruptedException {
        ClockOffset best = null;
        for (int i = 0; i < READINGS; i++) {
            long sendMs = System.currentTimeMillis();
            ServerStats answer = stats.fetch();
            long receiveMs = System.currentTimeMillis();
            if (answer.timeMillis() <= 0) {
                throw new IOException("/harness/stats reports no timeMillis");
            }
            ClockOffset reading = of(answer.timeMillis(), sendMs, receiveMs);
            if (best == null || reading.roundTripMs() < best.roundTripMs()) {
                best = reading;
            }
        }
        return best;
    }
}
