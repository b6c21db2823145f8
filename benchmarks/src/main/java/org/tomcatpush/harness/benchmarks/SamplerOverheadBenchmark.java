package org.tomcatpush.harness.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;
import org.tomcatpush.harness.benchmarks.support.PollLoad;

/*
 * What does the server's probe sampler cost?
 *
 * harness-server samples busy threads, queue length and connections every --sample-interval ms on
 * one daemon thread (into HdrHistograms and a time series) so that every run can show thread
 * occupancy. The sampler must not change what it measures. Four client threads poll /poll as fast
 * as they can on kept-alive connections with the sampler off (0), at the default 100 ms, and at an
 * aggressive 1 ms.
 *
 * How to read it: the score is requests per second. "100" should be within the error of "0": that
 * is the claim the README makes. "1" shows the cost when sampling a hundred times more often; if
 * even that is within the error, the sampler is free at any sensible interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SamplerOverheadBenchmark {

    @Param({"0", "100", "1"})
    public long sampleIntervalMs;

    private PollLoad load;

    @Setup(Level.Trial)
    public void startServer(BenchmarkParams params) {
        load = PollLoad.start(params.getThreads(), "--sample-interval", String.valueOf(sampleIntervalMs));
    }

    @Benchmark
    public int pollThroughput(ThreadParams thread) throws IOException {
        return load.poll(thread.getThreadIndex());
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        load.close();
    }

    // How to run: scripts/jmh.sh SamplerOverhead
}
