package org.tomcatpush.harness.client.results;

/**
 * What the load generator itself spent during the measured window: its process's CPU time, the
 * most resident memory and heap it held, and how late its event loops ran (the sign of a client
 * too busy to keep up, which bounds every figure of the run). One client per run, so the same in
 * every summary row. Immutable; NaN or -1 where unknown.
 *
 * @param cpuS                  process CPU time (all threads) from the start of the load to its stop, s
 * @param rssMaxBytes           most resident memory sampled, bytes; -1 off Linux
 * @param heapMaxBytes          most heap in use sampled (garbage included), bytes
 * @param eventLoopDelayP99Ms   99th percentile lateness of a task scheduled on the event loops, ms
 * @param eventLoopDelayMaxMs   largest such lateness, ms
 */
public record ClientCost(double cpuS, long rssMaxBytes, long heapMaxBytes, double eventLoopDelayP99Ms,
        double eventLoopDelayMaxMs) {

    public static final ClientCost UNKNOWN = new ClientCost(Double.NaN, -1, -1, Double.NaN, Double.NaN);
}
