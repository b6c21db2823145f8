/**
 * The JMH benchmarks, one question per class: the price of reconnecting a short poll
 * ({@link org.tomcatpush.harness.benchmarks.PollRoundTripBenchmark}), publish-to-delivery time per
 * push transport ({@link org.tomcatpush.harness.benchmarks.DeliveryLatencyBenchmark}), platform
 * vs virtual threads ({@link org.tomcatpush.harness.benchmarks.PollThreadModelBenchmark}), the
 * probe sampler's overhead ({@link org.tomcatpush.harness.benchmarks.SamplerOverheadBenchmark}),
 * the hub's fan-out ({@link org.tomcatpush.harness.benchmarks.HubFanOutBenchmark}) and message
 * encoding ({@link org.tomcatpush.harness.benchmarks.SseEncodingBenchmark}). Run them with
 * {@code scripts/jmh.sh}; docs/BENCHMARKS.md lists them with the figures of a full run.
 */
package org.tomcatpush.harness.benchmarks;
