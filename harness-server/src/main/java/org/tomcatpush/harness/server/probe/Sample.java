package org.tomcatpush.harness.server.probe;

/**
 * One probe reading, as kept in the sampled time series.
 *
 * @param timeMillis    epoch milliseconds when it was taken
 * @param busy          busy threads ({@link ThreadsSnapshot#busy()})
 * @param poolSize      threads in the pool, -1 with virtual threads
 * @param queueLength   executor queue length, -1 with virtual threads
 * @param connections   open connections
 * @param pollerSockets sockets registered with the poller, -1 for NIO2
 * @param asyncInFlight async requests open on every endpoint
 * @param wsSessions    open WebSocket sessions
 * @param heapUsedBytes heap in use ({@link ProcessMemory#heapUsedBytes()}), garbage included
 * @param rssBytes      the process's resident set size, read about once a second and carried in the
 *                      samples between; -1 where it cannot be read
 */
public record Sample(long timeMillis, int busy, int poolSize, int queueLength, long connections,
                     int pollerSockets, int asyncInFlight, int wsSessions, long heapUsedBytes, long rssBytes) {
}
