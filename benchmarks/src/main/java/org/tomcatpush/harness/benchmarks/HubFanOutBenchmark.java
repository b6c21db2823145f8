package org.tomcatpush.harness.benchmarks;

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
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.hub.Message;
import org.tomcatpush.harness.server.hub.MessageHub;

/*
 * What does publishing a message cost, and what does each subscriber add?
 *
 * MessageHub.publish(1) encodes the message once in every wire form (JSON, WebSocket text, SSE
 * event), stores it in the ring and calls back every subscribed session. Here the subscribers are
 * stand-ins that do what a session's callback does before it writes: read every new message from
 * the ring at their own cursor. No network, no Tomcat: this is the hub's share of the push path.
 *
 * How to read it: the score is nanoseconds per publish. subscribers = 0 is the cost of encoding
 * and storing one message (the server default payload, 64 bytes of padding); (score(N) -
 * score(0)) / N is the fan-out cost per subscriber, the part that grows with the audience.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HubFanOutBenchmark {

    @Param({"0", "1", "100", "1000"})
    public int subscribers;

    private MessageHub hub;

    @Setup(Level.Trial)
    public void createHub() {
        ServerConfig defaults = ServerConfig.defaults();
        hub = new MessageHub(defaults.ringCapacity(), defaults.payloadBytes());
        for (int i = 0; i < subscribers; i++) {
            hub.subscribe(new RingReader(hub));
        }
    }

    @Benchmark
    public long publishOneMessage() {
        return hub.publish(1);
    }

    @TearDown(Level.Trial)
    public void closeHub() {
        hub.close();
    }

    /** A subscriber that reads what was published at its own cursor, as a session does before writing. */
    static final class RingReader implements MessageHub.Subscriber {

        private final MessageHub hub;
        private long cursor;
        /** Bytes seen; written on every callback so the reads cannot be optimised away. */
        long bytesSeen;

        RingReader(MessageHub hub) {
            this.hub = hub;
            this.cursor = hub.lastSeq();
        }

        @Override
        public void onPublished() {
            for (Message m; (m = hub.get(cursor + 1)) != null; cursor++) {
                bytesSeen += m.sseEvent().length;
            }
        }
    }

    // How to run: scripts/jmh.sh HubFanOut
}
