package org.tomcatpush.harness.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.tomcatpush.harness.benchmarks.support.BenchServers;
import org.tomcatpush.harness.benchmarks.support.PollLoad;
import org.tomcatpush.harness.benchmarks.support.VariantUnavailableException;

/*
 * Does running requests on virtual threads change how many /poll requests Tomcat serves?
 *
 * Four client threads poll as fast as they can, each on its own kept-alive connection, against a
 * server whose requests run on the platform-thread executor (capped at maxThreads) or on virtual
 * threads (useVirtualThreads; maxThreads then caps nothing). /poll answers at once, so this
 * measures the per-request cost of the executor, not the waiting that virtual threads are meant
 * for (that is experiment E4, measured with blocking SSE by "harness run").
 *
 * How to read it: the score is requests per second across the four clients, client and server
 * sharing the same cores. Compare platform against virtual at the same maxThreads; maxThreads = 4
 * (as many workers as clients) against 200 (Tomcat's default) shows whether a small pool costs
 * anything when it is never exhausted.
 *
 * Virtual threads need Java 21+. On an older Java the "virtual" variant cannot run: scripts/jmh.sh
 * leaves it out and says so; run directly, its setup fails with that message and JMH goes on with
 * the next variant.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PollThreadModelBenchmark {

    /** Tomcat's own default for minSpareThreads. */
    private static final int TOMCAT_MIN_SPARE_THREADS = 10;

    @Param({"platform", "virtual"})
    public String executor;

    @Param({"4", "200"})
    public int maxThreads;

    private PollLoad load;

    @Setup(Level.Trial)
    public void startServer(BenchmarkParams params) {
        boolean virtual = switch (executor) {
            case "platform" -> false;
            case "virtual" -> true;
            default -> throw new IllegalArgumentException("executor must be platform or virtual (got " + executor + ")");
        };
        if (virtual && !BenchServers.virtualThreadsAvailable()) {
            throw new VariantUnavailableException("executor=virtual skipped: " + BenchServers.virtualThreadsUnavailableMessage());
        }
        List<String> flags = new ArrayList<>(List.of("--max-threads", String.valueOf(maxThreads),
                "--min-spare-threads", String.valueOf(Math.min(TOMCAT_MIN_SPARE_THREADS, maxThreads))));
        if (virtual) {
            flags.add("--virtual-threads");
        }
        load = PollLoad.start(params.getThreads(), flags.toArray(String[]::new));
    }

    @Benchmark
    public int pollThroughput(ThreadParams thread) throws IOException {
        return load.poll(thread.getThreadIndex());
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        if (load != null) {
            load.close();
        }
    }

    // How to run: scripts/jmh.sh PollThreadModel             (virtual variant on Java 21+ only)
    //         or: JAVA_HOME=/path/to/jdk-21 scripts/jmh.sh PollThreadModel -p maxThreads=200
}
