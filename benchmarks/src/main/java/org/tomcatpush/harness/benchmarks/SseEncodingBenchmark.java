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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.tomcatpush.harness.server.hub.Message;
import org.tomcatpush.harness.server.hub.MessageCodec;

/*
 * What does it cost to encode a message for the wire, and the SSE frame in particular?
 *
 * The server encodes every message once, at publish time, with MessageCodec: the JSON line, then
 * the SSE event around it ("id: S\ndata: JSON\n\n"); Message.encode does both plus the WebSocket
 * text. Sessions only copy the bytes. Three measurements, each over the payload padding sizes:
 *
 *   encodeMessageJson    MessageCodec.encode: the JSON line
 *   encodeSseEvent       MessageCodec.sseEvent: the SSE frame around an already encoded JSON line
 *   encodeEveryWireForm  Message.encode: everything publish() encodes for one message
 *
 * How to read it: nanoseconds per message. encodeSseEvent is the price of SSE framing alone;
 * because it is paid once per message, not per subscriber, multiply by the publish rate, never by
 * the audience. The inputs live in non-final fields so that the JIT cannot fold them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SseEncodingBenchmark {

    @Param({"16", "256", "4096"})
    public int payloadBytes;

    private long seq;
    private long intendedAtMicros;
    private byte[] json;

    @Setup(Level.Trial)
    public void encodeInput() {
        seq = 123_456;
        intendedAtMicros = MessageCodec.nowMicros();
        json = MessageCodec.encode(seq, intendedAtMicros, payloadBytes);
    }

    @Benchmark
    public byte[] encodeMessageJson() {
        return MessageCodec.encode(seq, intendedAtMicros, payloadBytes);
    }

    @Benchmark
    public byte[] encodeSseEvent() {
        return MessageCodec.sseEvent(seq, json);
    }

    @Benchmark
    public Message encodeEveryWireForm() {
        return Message.encode(seq, intendedAtMicros, intendedAtMicros, payloadBytes);
    }

    // How to run: scripts/jmh.sh SseEncoding -p payloadBytes=256
}
