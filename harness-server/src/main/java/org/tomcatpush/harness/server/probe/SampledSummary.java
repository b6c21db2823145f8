package org.tomcatpush.harness.server.probe;

/**
 * What the sampler saw since the last reset: one {@link HistogramSummary} per sampled figure.
 *
 * @param intervalMs    the sampling period, 0 when the sampler is off
 * @param samples       samples taken since the last reset
 * @param seriesDropped oldest samples dropped from the bounded time series since the last reset
 * @param samplerCpuMicros CPU time the sampler thread spent taking those samples
 */
public record SampledSummary(long intervalMs, long samples, long seriesDropped, long samplerCpuMicros,
                             HistogramSummary busyThreads,
                             HistogramSummary poolSize, HistogramSummary queueLength,
                             HistogramSummary connections, HistogramSummary pollerSockets,
                             HistogramSummary asyncInFlight, HistogramSummary wsSessions) {
}
