package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.Timeout;
import org.junit.jupiter.api.Test;

/** The sessions' timer runs each task once, on an event loop, unless it was cancelled first. */
class EventLoopTimerTest {

    @Test
    @SuppressWarnings("deprecation")
    void runsEveryTaskOnceOnAnEventLoopAndNeverACancelledOne() throws InterruptedException {
        EventLoopGroup loops = new NioEventLoopGroup(2);
        try {
            EventLoopTimer timer = new EventLoopTimer(loops);
            int tasks = 200;
            CountDownLatch ran = new CountDownLatch(tasks);
            AtomicInteger runs = new AtomicInteger();
            AtomicInteger offLoop = new AtomicInteger();
            AtomicInteger cancelledRuns = new AtomicInteger();
            for (int i = 0; i < tasks; i++) {
                timer.newTimeout(t -> {
                    runs.incrementAndGet();
                    if (!inEventLoop(loops)) {
                        offLoop.incrementAndGet();
                    }
                    ran.countDown();
                }, i % 5, TimeUnit.MILLISECONDS);
            }
            Timeout cancelled = timer.newTimeout(t -> cancelledRuns.incrementAndGet(), 1, TimeUnit.HOURS);
            assertTrue(cancelled.cancel());
            assertTrue(cancelled.isCancelled());
            assertTrue(ran.await(30, TimeUnit.SECONDS), "every task ran");
            assertEquals(tasks, runs.get());
            assertEquals(0, offLoop.get(), "tasks run on the event loops");
            assertEquals(0, cancelledRuns.get());
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        Timeout late = new EventLoopTimer(loops).newTimeout(t -> { }, 0, TimeUnit.MILLISECONDS);
        assertTrue(late.isCancelled(), "a task given once the loops are shut down never runs");
        assertFalse(late.isExpired());
    }

    @Test
    @SuppressWarnings("deprecation")
    void aTaskGivenOnAnEventLoopRunsOnThatLoop() throws Exception {
        EventLoopGroup loops = new NioEventLoopGroup(2);
        try {
            EventLoopTimer timer = new EventLoopTimer(loops);
            for (io.netty.util.concurrent.EventExecutor loop : loops) {
                CountDownLatch ran = new CountDownLatch(1);
                AtomicInteger elsewhere = new AtomicInteger();
                loop.execute(() -> timer.newTimeout(t -> {
                    if (!loop.inEventLoop()) {
                        elsewhere.incrementAndGet();
                    }
                    ran.countDown();
                }, 1, TimeUnit.MILLISECONDS));
                assertTrue(ran.await(30, TimeUnit.SECONDS));
                assertEquals(0, elsewhere.get());
            }
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theRampUpTimerHandsTasksGivenOnALoopToEveryLoop() throws Exception {
        EventLoopGroup loops = new NioEventLoopGroup(2);
        try {
            EventLoopTimer timer = EventLoopTimer.inTurn(loops);
            java.util.Set<Thread> ranOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
            CountDownLatch ran = new CountDownLatch(10);
            loops.next().execute(() -> {
                for (int i = 0; i < 10; i++) {
                    timer.newTimeout(t -> {
                        ranOn.add(Thread.currentThread());
                        ran.countDown();
                    }, 0, TimeUnit.MILLISECONDS);
                }
            });
            assertTrue(ran.await(30, TimeUnit.SECONDS));
            assertEquals(2, ranOn.size(), "both loops ran tasks");
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    private static boolean inEventLoop(EventLoopGroup loops) {
        for (io.netty.util.concurrent.EventExecutor loop : loops) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
