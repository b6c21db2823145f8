package org.tomcatpush.harness.server.probe;

/**
 * What the sampler saw since the last reset: one {@link HistogramSummary} per sampled figure.
 *
 * @param intervalMs    the sampling period, 0 when the sampler is off
 * @param samples       samples taken since the last reset
 * @param seriesDropped oldest samples dropped from the bounded time series since the last reset
 * @param samplerCpuMicros CPU time the sampler thread spent taking those samples
 * @param heapUsedBytes heap in use, bytes (garbage included: a GC-free figure comes from {@code POST /harness/gc})
 * @param rssBytes      the process's resident set size, bytes; all 0 where it cannot be read
 */
public record SampledSummary(long intervalMs, long samples, long seriesDropped, long samplerCpuMicros,
                             HistogramSummary busyThreads,
                             HistogramSummary poolSize, HistogramSummary queueLength,
                             HistogramSummary connections, HistogramSummary pollerSockets,
                             HistogramSummary asyncInFlight, HistogramSummary wsSessions,
                             HistogramSummary heapUsedBytes, HistogramSummary rssBytes) {
}
