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
 * What does reconnecting cost a short-polling client?
 *
 * One thread sends GET /poll over a plain blocking socket with a pre-built request and reads the
 * whole answer; the next poll goes out as soon as the answer is in. The socket stays open until
 * Tomcat answers "Connection: close", which it does after maxKeepAliveRequests requests, and the
 * next poll then opens a new TCP connection. So:
 *
 *   maxKeepAliveRequests = 1    a new connection for every poll (connect + accept + close each time)
 *   maxKeepAliveRequests = 100  Tomcat's default: one reconnect every 100 polls
 *   maxKeepAliveRequests = -1   one connection for the whole run
 *
 * How to read it: the score is the mean round trip in microseconds on loopback. The difference
 * between "1" and "-1" is the price of a TCP connect, accept and close on this machine (no TLS, no
 * network delay: on a real network add at least one round-trip time per reconnect). "100" should
 * sit within the error of "-1". NIO and NIO2 are Tomcat's two connector implementations; compare
 * them within one maxKeepAliveRequests value. The teardown line prints polls per connection, which
 * proves the knob took effect.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class PollRoundTripBenchmark {

    @Param({"1", "100", "-1"})
    public int maxKeepAliveRequests;

    @Param({"nio", "nio2"})
    public String protocol;

    private PollLoad load;

    @Setup(Level.Trial)
    public void startServer(BenchmarkParams params) {
        load = PollLoad.start(params.getThreads(), "--protocol", protocol,
                "--max-keep-alive-requests", String.valueOf(maxKeepAliveRequests));
    }

    @Benchmark
    public int pollRoundTrip(ThreadParams thread) throws IOException {
        return load.poll(thread.getThreadIndex());
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        System.out.println("maxKeepAliveRequests=" + maxKeepAliveRequests + " protocol=" + protocol + ": "
                + load.connectionSummary());
        load.close();
    }

    // How to run: scripts/jmh.sh PollRoundTrip
    //         or: java -jar benchmarks/target/benchmarks.jar PollRoundTrip -p maxKeepAliveRequests=1,-1
}
