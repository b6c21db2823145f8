package org.tomcatpush.harness.benchmarks;

import java.time.Duration;
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
import org.tomcatpush.harness.benchmarks.support.BenchServers;
import org.tomcatpush.harness.benchmarks.support.SubscriberFleet;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.server.HarnessServer;

/*
 * How long does one message take to reach every subscriber, per push transport?
 *
 * N subscribers (the harness's own SSE, WebSocket or long-poll sessions, on async-http-client)
 * wait on a server in the same JVM. Each operation publishes one message through the hub and
 * returns when all N have received and parsed it. The publishing thread itself writes to every
 * subscribed stream (the hub calls them back), so the time covers the server's fan-out, loopback
 * TCP and the client's parsing: the whole push path, N times over.
 *
 * Long-poll subscribers must send a new request after every message. That re-subscription happens
 * between operations, in a Level.Invocation setup that waits until the server holds all N requests
 * again, so each operation starts from the same state for every transport: everyone waiting. (The
 * operations take tens of microseconds and more, well above the timer overhead that makes
 * Level.Invocation unsuitable for nanosecond benchmarks.) The price long polling pays for those
 * extra requests shows in "harness run", not here.
 *
 * How to read it: sample mode; the score is the mean publish-to-last-delivery time in
 * microseconds, with percentiles (p0.50, p0.99, ...) per N. Divide by N for the cost per
 * subscriber; the growth from N = 1 to N = 1000 shows how the transport scales on two cores where
 * the server, the clients and this thread share the CPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class DeliveryLatencyBenchmark {

    /** Subscribers must all be connected within this time, else the trial fails. */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    /** One message must reach everyone within this time, else the trial fails (a lost message, not a slow one). */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    @Param({"sse", "ws", "long-poll"})
    public String transport;

    @Param({"1", "100", "1000"})
    public int subscribers;

    private HarnessServer server;
    private SubscriberFleet fleet;

    @Setup(Level.Trial)
    public void openSubscribers() {
        // unlimited keep-alive requests and a long hold: long polls neither reconnect nor expire mid-run
        server = BenchServers.start("--max-keep-alive-requests", "-1", "--long-poll-hold", "600000");
        try {
            fleet = SubscriberFleet.open(server, Transport.parse(transport), subscribers, OPEN_TIMEOUT);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Setup(Level.Invocation)
    public void awaitEveryoneWaiting() {
        fleet.awaitAllWaiting(DELIVERY_TIMEOUT);
    }

    @Benchmark
    public long publishToAllSubscribers() {
        return fleet.publishAndAwaitDelivery(DELIVERY_TIMEOUT);
    }

    @TearDown(Level.Trial)
    public void closeSubscribers() {
        try {
            fleet.close();
        } finally {
            server.close();
        }
    }

    // How to run: scripts/jmh.sh DeliveryLatency
    //         or: java -jar benchmarks/target/benchmarks.jar DeliveryLatency -p transport=sse,ws -p subscribers=100
}
