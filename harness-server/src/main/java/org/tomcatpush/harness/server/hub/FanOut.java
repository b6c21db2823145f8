package org.tomcatpush.harness.server.hub;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells a hub's subscribers that messages were published, spread over shards so that the writes
 * that follow run on every core instead of one after another on the publishing thread. Each
 * subscriber belongs to one shard (by its identity hash); {@link #signal()} asks every shard for
 * one pass over its subscribers, each calling {@link MessageHub.Subscriber#onPublished()}, and
 * returns at once. Passes of one shard never overlap and coalesce: signals that arrive during a
 * pass cause one more pass, not one each, so a burst of messages costs a pass per shard and a
 * shard never has more than one pass queued.
 *
 * <p>A pass only says "look": every subscriber reads the ring at its own cursor, so the order and
 * exactly-once delivery of messages are its cursor's business, whichever thread signals it.
 * Subscribers must not block (as before); one that blocks anyway holds up its own shard only.
 *
 * <p>Thread safety: every method may be called from any thread. A subscriber is called by one
 * pass at a time, never concurrently with itself.
 *
 * <pre>
 * FanOut fanOut = FanOut.acrossCores();   // one shard per core, each drained by a pool thread
 * fanOut.add(session);
 * fanOut.signal();                         // after the message is in the ring
 * </pre>
 */
public final class FanOut implements AutoCloseable {

    /** Idle fan-out threads end after this long; a hub that publishes again starts them anew. */
    private static final long IDLE_THREAD_SECONDS = 30;
    /** Longest wait in {@link #close()} for the last passes; subscribers do not block, so they take milliseconds. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final Shard[] shards;
    private final ThreadPoolExecutor pool;

    private FanOut(int shardCount, ThreadPoolExecutor pool) {
        this.pool = pool;
        Executor executor = pool == null ? Runnable::run : pool;
        this.shards = new Shard[shardCount];
        for (int i = 0; i < shardCount; i++) {
            shards[i] = new Shard(executor);
        }
    }

    /**
     * One shard, passed on the thread that signals: every subscriber is called before
     * {@link #signal()} returns, one after another, as a serial fan-out does (while another
     * thread's pass is running, that thread passes once more instead). For tests and benchmarks
     * that measure the hub's own cost.
     */
    public static FanOut onSignallingThread() {
        return new FanOut(1, null);
    }

    /** {@link #parallel(int)} with one shard per available processor. */
    public static FanOut acrossCores() {
        return parallel(Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code shards} shards, each passed by a thread of a pool of {@code shards} daemon threads
     * ({@code harness-fanout-N}), which end when idle.
     */
    public static FanOut parallel(int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("a fan-out needs at least 1 shard (got " + shards + ")");
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(shards, shards, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        return new FanOut(shards, pool);
    }

    /** Adds a subscriber to its shard; harmless when it is there already. */
    public void add(MessageHub.Subscriber subscriber) {
        shardOf(subscriber).add(subscriber);
    }

    /** Removes a subscriber; harmless when it was not added. */
    public void remove(MessageHub.Subscriber subscriber) {
        shardOf(subscriber).remove(subscriber);
    }

    /** Subscribers added and not removed. */
    public int size() {
        int size = 0;
        for (Shard shard : shards) {
            size += shard.members.size();
        }
        return size;
    }

    /** Shards the subscribers are spread over. */
    public int shardCount() {
        return shards.length;
    }

    /** Asks every shard for a pass over its subscribers; returns at once unless passes run on this thread. */
    public void signal() {
        for (Shard shard : shards) {
            shard.signal();
        }
    }

    /** Which shard a subscriber belongs to, 0 .. {@link #shardCount()} - 1. */
    int shardIndex(MessageHub.Subscriber subscriber) {
        int hash = System.identityHashCode(subscriber);
        hash ^= hash >>> 16; // spread the high bits into the low ones, as HashMap does
        return Math.floorMod(hash, shards.length);
    }

    /**
     * Ends the threads once the passes already asked for have run, and waits for those (at most
     * {@value #CLOSE_WAIT_SECONDS} s): a hub's closing signal has reached every subscriber when
     * its close returns, as it had with a serial fan-out, so sessions end before Tomcat stops. A
     * signal after that is passed on the signalling thread. Idempotent.
     */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Shard shardOf(MessageHub.Subscriber subscriber) {
        return shards[shardIndex(subscriber)];
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger created = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "harness-fanout-" + created.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Subscribers passed together by one thread at a time; {@code pending} counts signals not yet
     * passed. A pass walks an array copy of the members, made again only after they changed: a
     * pass per message over thousands of sessions then reads one array instead of the set's table.
     */
    private static final class Shard implements Runnable {

        private static final MessageHub.Subscriber[] NONE = {};

        private final Set<MessageHub.Subscriber> members = ConcurrentHashMap.newKeySet();
        private final AtomicInteger pending = new AtomicInteger();
        private final Executor executor;
        /** Set after every change of {@code members}, cleared by the pass that copies them. */
        private volatile boolean changed;
        /** The members as the last copy saw them; read and written by the passing thread only. */
        private MessageHub.Subscriber[] passOrder = NONE;

        Shard(Executor executor) {
            this.executor = executor;
        }

        void add(MessageHub.Subscriber subscriber) {
            members.add(subscriber);
            changed = true;
        }

        void remove(MessageHub.Subscriber subscriber) {
            members.remove(subscriber);
            changed = true;
        }

        void signal() {
            if (pending.getAndIncrement() != 0) {
                return; // a pass is queued or running and will pass again for this signal
            }
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                run(); // the fan-out was closed: the hub's last signals still reach everyone
            }
        }

        @Override
        public void run() {
            int missed = 1;
            do {
                if (changed) {
                    // cleared before the copy: a change during the copy sets it again for the next pass
                    changed = false;
                    passOrder = members.toArray(NONE);
                }
                for (MessageHub.Subscriber subscriber : passOrder) {
                    try {
                        subscriber.onPublished();
                    } catch (RuntimeException e) {
                        // a broken session must not stop the pass or the sessions after it
                        remove(subscriber);
                    }
                }
                missed = pending.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}
