package org.tomcatpush.harness.server.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The topic: gap-free sequence, bounded ring, explicit eviction, blocking and subscribed waiting. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageHubTest {

    @Test
    void sequenceStartsAtOneAndHasNoGapsAcrossConcurrentPublishers() throws Exception {
        MessageHub hub = new MessageHub(100_000, 0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> publishers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                publishers.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        hub.publish(1 + i % 3);
                    }
                }));
            }
            for (Future<?> f : publishers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4 * (334 * 1 + 333 * 2 + 333 * 3), hub.lastSeq());
        long previousMicros = 0;
        for (long seq = 1; seq <= hub.lastSeq(); seq++) {
            Message m = hub.get(seq);
            assertEquals(seq, m.seq());
            assertTrue(m.publishedAtMicros() >= previousMicros, "publish times never go back");
            previousMicros = m.publishedAtMicros();
        }
        assertNull(hub.get(hub.lastSeq() + 1), "not published yet");
        assertNull(hub.get(0));
    }

    @Test
    void ringKeepsTheNewestCapacityMessagesAndTellsWhatWasEvicted() {
        MessageHub hub = new MessageHub(5, 3);
        assertEquals(0, hub.lastSeq());
        assertEquals(1, hub.firstSeq());
        assertEquals(12, hub.publish(12));
        assertEquals(8, hub.firstSeq());
        for (long seq = 1; seq < 8; seq++) {
            assertNull(hub.get(seq), "evicted: " + seq);
        }
        for (long seq = 8; seq <= 12; seq++) {
            assertEquals(seq, hub.get(seq).seq());
        }
        assertEquals("{\"seq\":12,\"ts\":" + hub.get(12).intendedAtMicros() + ",\"p\":\"xxx\"}", hub.get(12).text());
    }

    @Test
    void onDemandMessagesAreIntendedWhenPublishedAndCountInTheLagWithZero() {
        MessageHub hub = new MessageHub(10, 0);
        hub.publish(3);
        for (long seq = 1; seq <= 3; seq++) {
            assertEquals(0, hub.get(seq).lagMicros());
            assertEquals(hub.get(seq).publishedAtMicros(), hub.get(seq).intendedAtMicros());
        }
        assertEquals(new PublishLag.Summary(3, 0, 0, 0), hub.publishLag().summary());
    }

    @Test
    void dueMessagesCarryTheScheduledTimeAndHowLateTheyWentOut() {
        MessageHub hub = new MessageHub(10, 0);
        long startEpochMicros = 1_764_091_234_000_000L;
        // 20 messages per second, started one second ago: message n is n * 50 ms overdue less than the first
        PublishSchedule schedule = new PublishSchedule(System.nanoTime() - TimeUnit.SECONDS.toNanos(1),
                startEpochMicros, 50_000_000);

        assertEquals(3, hub.publishDue(schedule, 0, 3));

        for (int n = 0; n < 3; n++) {
            Message m = hub.get(n + 1);
            assertEquals(startEpochMicros + n * 50_000L, m.intendedAtMicros(), "intended = start + n / rate");
            assertEquals(m.publishedAtMicros() - m.intendedAtMicros(), m.lagMicros());
            assertTrue(m.lagMicros() >= 1_000_000 - n * 50_000L, "message " + n + " lag " + m.lagMicros());
            assertEquals("{\"seq\":" + (n + 1) + ",\"ts\":" + m.intendedAtMicros() + ",\"p\":\"\"}", m.text(),
                    "the wire carries the intended time");
        }
        PublishLag.Summary lag = hub.publishLag().summary();
        assertEquals(3, lag.published());
        assertTrue(lag.maxMicros() >= 1_000_000, "max " + lag.maxMicros());
        assertTrue(lag.maxMicros() <= hub.get(1).lagMicros() * 1.001, "HdrHistogram's bound is within 0.1%");

        hub.publishLag().reset();
        assertEquals(new PublishLag.Summary(0, 0, 0, 0), hub.publishLag().summary());
        hub.publishDue(schedule, 3, 1);
        assertEquals(1, hub.publishLag().summary().published(), "recording goes on after a reset");
    }

    @Test
    void scheduleIsPacedOnTheMonotonicClockAndStatedOnTheEpochClock() {
        PublishSchedule schedule = new PublishSchedule(1_000, 5_000_000, 50_000_000);
        assertEquals(0, schedule.dueBy(999), "nothing before the start");
        assertEquals(1, schedule.dueBy(1_000), "message 0 is due at the start");
        assertEquals(1, schedule.dueBy(50_000_999));
        assertEquals(2, schedule.dueBy(50_001_000));
        assertEquals(150_001_000, schedule.dueNanos(3));
        assertEquals(5_150_000, schedule.intendedAtMicros(3));
        assertThrows(IllegalArgumentException.class, () -> PublishSchedule.startingNow(0));
    }

    @Test
    void aScheduleStartingNowPairsTheTwoClocksAtOneInstantBetweenTheCallersReads() {
        long beforeNanos = System.nanoTime();
        long beforeMicros = MessageCodec.nowMicros();
        PublishSchedule schedule = PublishSchedule.startingNow(20);
        long afterMicros = MessageCodec.nowMicros();
        long afterNanos = System.nanoTime();

        assertTrue(schedule.dueNanos(0) >= beforeNanos && schedule.dueNanos(0) <= afterNanos);
        assertTrue(schedule.intendedAtMicros(0) >= beforeMicros && schedule.intendedAtMicros(0) <= afterMicros);
        assertEquals(schedule.intendedAtMicros(0) + 50_000, schedule.intendedAtMicros(1));
    }

    @Test
    void awaitAfterReturnsAtOnceWhenNewerExistsWaitsForAPublishAndTimesOut() throws Exception {
        MessageHub hub = new MessageHub(10, 0);
        hub.publish(2);
        assertTrue(hub.awaitAfter(1, System.nanoTime()), "seq 2 exists after cursor 1");

        long start = System.nanoTime();
        assertFalse(hub.awaitAfter(2, MessageHub.deadlineAfter(200, TimeUnit.MILLISECONDS)));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 190, "waited until the deadline");

        CountDownLatch waiting = new CountDownLatch(1);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> result = waiter.submit(() -> {
                waiting.countDown();
                return hub.awaitAfter(2, Long.MAX_VALUE);
            });
            waiting.await();
            Thread.sleep(50);
            assertFalse(result.isDone(), "nothing after 2 yet");
            hub.publish(1);
            assertTrue(result.get(10, TimeUnit.SECONDS));
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void closeWakesWaitersAndSubscribers() throws Exception {
        MessageHub hub = new MessageHub(10, 0);
        AtomicInteger signals = new AtomicInteger();
        hub.subscribe(signals::incrementAndGet);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> result = waiter.submit(() -> hub.awaitAfter(0, Long.MAX_VALUE));
            Thread.sleep(50);
            hub.close();
            assertFalse(result.get(10, TimeUnit.SECONDS), "woken without a message");
            assertTrue(hub.isClosed());
            assertEquals(1, signals.get());
            assertEquals(0, hub.publish(1), "a closed hub publishes nothing");
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void subscribersAreSignalledOncePerPublishCallAndAFailingOneIsDropped() {
        MessageHub hub = new MessageHub(10, 0);
        AtomicInteger good = new AtomicInteger();
        MessageHub.Subscriber counting = good::incrementAndGet;
        hub.subscribe(counting);
        hub.subscribe(() -> {
            throw new IllegalStateException("broken session");
        });
        hub.publish(5);
        hub.publish(1);
        assertEquals(2, good.get());
        assertEquals(1, hub.subscriberCount(), "the failing subscriber was dropped, the other kept");
        hub.unsubscribe(counting);
        hub.publish(1);
        assertEquals(2, good.get());
    }

    @Test
    void rejectsMeaninglessArguments() {
        assertThrows(IllegalArgumentException.class, () -> new MessageHub(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MessageHub(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new MessageHub(1, 0).publish(0));
    }

    @Test
    void publisherPublishesUntilClosed() throws Exception {
        MessageHub hub = new MessageHub(1000, 0);
        try (Publisher publisher = Publisher.start(hub, 200)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hub.lastSeq() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(hub.lastSeq() >= 5, "published " + hub.lastSeq());
        }
        long stoppedAt = hub.lastSeq();
        Thread.sleep(100);
        assertEquals(stoppedAt, hub.lastSeq(), "nothing is published after close");
        assertThrows(IllegalArgumentException.class, () -> Publisher.start(hub, 0));
    }
}
