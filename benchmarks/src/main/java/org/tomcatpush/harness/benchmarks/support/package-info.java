/**
 * What the benchmarks share: a loopback server ({@link org.tomcatpush.harness.benchmarks.support.BenchServers}),
 * a raw HTTP/1.1 poll client and its per-thread pool ({@link org.tomcatpush.harness.benchmarks.support.RawHttpClient},
 * {@link org.tomcatpush.harness.benchmarks.support.PollLoad}), N push subscribers on the harness's own
 * sessions ({@link org.tomcatpush.harness.benchmarks.support.SubscriberFleet}), and the run-time
 * estimate {@code scripts/jmh.sh} prints ({@link org.tomcatpush.harness.benchmarks.support.SuiteEstimate}).
 */
package org.tomcatpush.harness.benchmarks.support;
