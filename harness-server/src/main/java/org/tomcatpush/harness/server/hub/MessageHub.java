package org.tomcatpush.harness.server.hub;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one broadcast topic. {@link #publish(int)} (on demand) and {@link #publishDue} (a paced
 * {@link PublishSchedule}) append messages with a gap-free sequence (1, 2, ...), their intended and
 * actual publish times in epoch microseconds, each encoded once, into a ring of the last
 * {@code capacity} messages; every message's lag goes into {@link #publishLag()}. The publisher
 * never writes to sessions: it only signals them, through the hub's {@link FanOut}, and each
 * session reads the ring at its own cursor, so a slow or dead session can never stall the
 * publisher or another session; a session that falls more than {@code capacity} messages behind
 * learns of the loss as a {@link Gap} (see {@link #get(long)} and {@link #firstSeq()}).
 *
 * <p>Thread safety: {@code publish} may be called from any thread (calls are serialised); reads
 * ({@link #lastSeq()}, {@link #get(long)}) are lock-free; {@link #awaitAfter(long, long)} blocks
 * the calling thread, for the blocking handlers. Async sessions {@link #subscribe(Subscriber)}
 * instead and are called back by the fan-out: on the publishing thread with
 * {@link FanOut#onSignallingThread()} (the two-argument constructor), on the fan-out's threads
 * across the cores with {@link FanOut#parallel(int)} (the server's).
 *
 * <pre>
 * long cursor = hub.lastSeq();                    // start at the newest message
 * while (hub.awaitAfter(cursor, deadlineNanos)) { // blocking handler
 *     for (Message m; (m = hub.get(cursor + 1)) != null; cursor++) { write(m.json()); }
 * }
 * </pre>
 */
public final class MessageHub implements AutoCloseable {

    /**
     * Told that messages were published (or that the hub closed). Called by the hub's
     * {@link FanOut}, never concurrently with itself, on the publishing thread or a fan-out
     * thread: it must return at once, without blocking or writing more than a non-blocking write
     * would, for the subscribers passed after it on the same thread wait for it.
     */
    @FunctionalInterface
    public interface Subscriber {
        void onPublished();
    }

    private final int capacity;
    private final int paddingBytes;
    private final AtomicReferenceArray<Message> ring;
    private final Object publishLock = new Object();
    private final FanOut fanOut;
    private final ReentrantLock waitLock = new ReentrantLock();
    private final Condition published = waitLock.newCondition();
    private final AtomicInteger waiters = new AtomicInteger();
    private final PublishLag publishLag = new PublishLag();
    private volatile long lastSeq;
    private volatile boolean closed;

    /**
     * A hub whose subscribers are called back on the publishing thread, one after another
     * ({@link FanOut#onSignallingThread()}).
     *
     * @param capacity     messages kept for resuming sessions (at least 1)
     * @param paddingBytes padding characters in each message
     */
    public MessageHub(int capacity, int paddingBytes) {
        this(capacity, paddingBytes, FanOut.onSignallingThread());
    }

    /**
     * @param capacity     messages kept for resuming sessions (at least 1)
     * @param paddingBytes padding characters in each message
     * @param fanOut       how subscribers are told of publishes; the hub closes it when it closes
     */
    public MessageHub(int capacity, int paddingBytes, FanOut fanOut) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ring capacity must be at least 1 (got " + capacity + ")");
        }
        if (paddingBytes < 0) {
            throw new IllegalArgumentException("padding must not be negative (got " + paddingBytes + ")");
        }
        this.capacity = capacity;
        this.paddingBytes = paddingBytes;
        this.ring = new AtomicReferenceArray<>(capacity);
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
    }

    /**
     * Publishes {@code count} messages now, on demand: each is intended when it is published (lag
     * 0). Then signals waiting and subscribed sessions once.
     *
     * @return the sequence of the last message published
     */
    public long publish(int count) {
        requireCount(count);
        long last;
        synchronized (publishLock) {
            if (closed) {
                return lastSeq;
            }
            for (int i = 0; i < count; i++) {
                long nowMicros = MessageCodec.nowMicros();
                append(nowMicros, nowMicros);
            }
            last = lastSeq;
        }
        signalAll();
        return last;
    }

    /**
     * Publishes messages {@code firstIndex .. firstIndex + count - 1} of {@code schedule}, which are
     * due: each carries its intended time from the schedule and is stamped with how late it went
     * out (lag), measured on the monotonic clock at the moment it is appended. Then signals waiting
     * and subscribed sessions once.
     *
     * @return the sequence of the last message published
     */
    public long publishDue(PublishSchedule schedule, long firstIndex, int count) {
        requireCount(count);
        long last;
        synchronized (publishLock) {
            if (closed) {
                return lastSeq;
            }
            for (long n = firstIndex, end = firstIndex + count; n < end; n++) {
                // a message counted as due a nanosecond early by rounding is on time, not early
                long lagMicros = Math.max(0, (System.nanoTime() - schedule.dueNanos(n)) / 1_000);
                long intendedMicros = schedule.intendedAtMicros(n);
                append(intendedMicros, intendedMicros + lagMicros);
            }
            last = lastSeq;
        }
        signalAll();
        return last;
    }

    /** How late messages went out against their intended time, since its last reset. */
    public PublishLag publishLag() {
        return publishLag;
    }

    /** The newest sequence published, 0 when none yet. */
    public long lastSeq() {
        return lastSeq;
    }

    /** The oldest sequence still in the ring (1 while nothing has been evicted). */
    public long firstSeq() {
        return Math.max(1, lastSeq - capacity + 1);
    }

    /** Messages kept for resuming sessions. */
    public int capacity() {
        return capacity;
    }

    /**
     * The message with this sequence, or {@code null} when it is not published yet or has already
     * left the ring (compare with {@link #firstSeq()} to tell which).
     */
    public Message get(long seq) {
        if (seq < 1 || seq > lastSeq) {
            return null;
        }
        Message message = ring.get(index(seq));
        return message != null && message.seq() == seq ? message : null;
    }

    /**
     * Blocks until a message after {@code cursor} exists, the deadline passes, or the hub closes.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value; {@code Long.MAX_VALUE} waits without limit
     * @return true when a message after {@code cursor} exists
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitAfter(long cursor, long deadlineNanos) throws InterruptedException {
        if (lastSeq > cursor) {
            return true;
        }
        waiters.incrementAndGet();
        waitLock.lock();
        try {
            while (lastSeq <= cursor && !closed) {
                if (deadlineNanos == Long.MAX_VALUE) {
                    published.await();
                } else {
                    long remainingNanos = deadlineNanos - System.nanoTime();
                    if (remainingNanos <= 0) {
                        return false;
                    }
                    published.awaitNanos(remainingNanos);
                }
            }
            return lastSeq > cursor;
        } finally {
            waitLock.unlock();
            waiters.decrementAndGet();
        }
    }

    /** Adds a session to be told of every publish; it should then read what it missed itself. */
    public void subscribe(Subscriber subscriber) {
        fanOut.add(subscriber);
        if (closed) {
            subscriber.onPublished();
        }
    }

    /** Stops telling this session; harmless when it was not subscribed. */
    public void unsubscribe(Subscriber subscriber) {
        fanOut.remove(subscriber);
    }

    /** Sessions currently subscribed. */
    public int subscriberCount() {
        return fanOut.size();
    }

    /** The fan-out that tells subscribers of publishes (for tests of the hub). */
    FanOut fanOut() {
        return fanOut;
    }

    /** True once {@link #close()} was called: sessions should end. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops publishing and wakes every waiting and subscribed session so it can end, then lets the
     * fan-out's threads end once they have passed that signal on. Idempotent.
     */
    @Override
    public void close() {
        synchronized (publishLock) {
            closed = true;
        }
        signalAll();
        fanOut.close();
    }

    private void signalAll() {
        if (waiters.get() > 0) {
            waitLock.lock();
            try {
                published.signalAll();
            } finally {
                waitLock.unlock();
            }
        }
        fanOut.signal();
    }

    /** Appends the next message; the caller holds {@code publishLock}. */
    private void append(long intendedAtMicros, long publishedAtMicros) {
        long seq = lastSeq + 1;
        ring.set(index(seq), Message.encode(seq, intendedAtMicros, publishedAtMicros, paddingBytes));
        lastSeq = seq;
        publishLag.record(publishedAtMicros - intendedAtMicros);
    }

    private static void requireCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1 (got " + count + ")");
        }
    }

    private int index(long seq) {
        return (int) ((seq - 1) % capacity);
    }

    /** Converts a timeout into an {@link #awaitAfter} deadline. */
    public static long deadlineAfter(long timeout, TimeUnit unit) {
        long now = System.nanoTime();
        long nanos = unit.toNanos(timeout);
        return nanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
    }
}
