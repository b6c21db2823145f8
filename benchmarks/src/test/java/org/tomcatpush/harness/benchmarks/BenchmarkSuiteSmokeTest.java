package org.tomcatpush.harness.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.tomcatpush.harness.benchmarks.support.BenchServers;

/**
 * Runs every benchmark of the suite once, for one short iteration with a reduced parameter set, in
 * this JVM, so that a benchmark that no longer starts, fails or measures nothing breaks the build.
 * It checks that each one produced a result, never how fast it was.
 */
class BenchmarkSuiteSmokeTest {

    private static final String SUITE = "org\\.tomcatpush\\.harness\\.benchmarks\\..*";

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyBenchmarkProducesAResultInOneShortIteration() throws RunnerException, IOException {
        List<String> executors = BenchServers.virtualThreadsAvailable() ? List.of("platform", "virtual") : List.of("platform");
        Options options = new OptionsBuilder()
                .include(SUITE)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .param("maxKeepAliveRequests", "1")
                .param("protocol", "nio", "nio2")
                .param("transport", "sse", "ws", "long-poll")
                .param("subscribers", "3")
                .param("executor", executors.toArray(String[]::new))
                .param("maxThreads", "4")
                .param("sampleIntervalMs", "0", "1")
                .param("payloadBytes", "16")
                .build();

        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(suiteBenchmarks(), ran, "every benchmark in the suite ran");
        int expectedRuns = 2 /* round trip: nio, nio2 */ + 3 /* delivery: three transports */
                + executors.size() /* thread model */ + 2 /* sampler: off, 1 ms */ + 1 /* hub */ + 3 /* encoding */;
        assertEquals(expectedRuns, results.size(), "one result per benchmark and parameter combination");
        for (RunResult run : results) {
            Result<?> primary = run.getPrimaryResult();
            String name = run.getParams().getBenchmark() + " " + run.getParams().getParamsKeys().stream()
                    .map(k -> k + "=" + run.getParams().getParam(k)).collect(Collectors.joining(","));
            assertNotNull(primary, name + " has a result");
            assertTrue(primary.getSampleCount() >= 1, name + " recorded at least one sample");
            assertTrue(Double.isFinite(primary.getScore()) && primary.getScore() > 0, name + " has a score: "
                    + primary.getScore());
        }
    }

    @Test
    void suiteHasTheSixQuestionsOfTheBenchmarkIssue() throws IOException {
        Set<String> classes = suiteBenchmarks().stream().map(b -> b.substring(0, b.lastIndexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(
                DeliveryLatencyBenchmark.class.getName(),
                HubFanOutBenchmark.class.getName(),
                PollRoundTripBenchmark.class.getName(),
                PollThreadModelBenchmark.class.getName(),
                SamplerOverheadBenchmark.class.getName(),
                SseEncodingBenchmark.class.getName()), classes);
    }

    /** Every benchmark method the JMH annotation processor registered. */
    private static Set<String> suiteBenchmarks() throws IOException {
        try (InputStream in = BenchmarkSuiteSmokeTest.class.getResourceAsStream(BenchmarkList.BENCHMARK_LIST)) {
            assertNotNull(in, "the JMH annotation processor wrote " + BenchmarkList.BENCHMARK_LIST);
            Set<String> names = BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertFalse(names.isEmpty(), "the benchmark list is empty");
            return names;
        }
    }
}
