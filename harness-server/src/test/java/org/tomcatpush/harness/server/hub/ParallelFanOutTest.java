package org.tomcatpush.harness.server.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A hub whose fan-out runs on several threads: every subscriber still gets every message exactly
 * once and in order, sees the one encoded frame of each message, and a subscriber that does not
 * take what it is given (or even blocks) holds up neither the publisher nor the other shards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelFanOutTest {

    private static final int SHARDS = 4;
    private static final int SUBSCRIBERS = 64;
    private static final int MESSAGES = 1_000;

    @Test
    void everySubscriberReceivesEveryMessageExactlyOnceAndInOrderAcrossShards() throws Exception {
        try (MessageHub hub = new MessageHub(MESSAGES, 8, FanOut.parallel(SHARDS))) {
            List<RingSession> sessions = subscribe(hub, SUBSCRIBERS, MESSAGES);
            publishOneByOne(hub, MESSAGES);
            for (RingSession session : sessions) {
                session.awaitAll();
                assertEquals(expectedSeqs(1, MESSAGES), session.received);
                assertTrue(session.threads.stream().allMatch(name -> name.startsWith("harness-fanout-")),
                        "signalled by the fan-out, not the publishing thread: " + session.threads);
            }
            Set<Integer> shardsUsed = sessions.stream().map(s -> hub.fanOut().shardIndex(s)).collect(Collectors.toSet());
            assertEquals(SHARDS, shardsUsed.size(), "64 subscribers spread over every shard");
            assertEquals(SUBSCRIBERS, hub.subscriberCount());
        }
    }

    @Test
    void theFrameOfEachMessageIsEncodedOnceAndSharedByEverySubscriber() throws Exception {
        try (MessageHub hub = new MessageHub(MESSAGES, 8, FanOut.parallel(SHARDS))) {
            List<RingSession> sessions = subscribe(hub, SUBSCRIBERS, 100);
            publishOneByOne(hub, 100);
            for (RingSession session : sessions) {
                session.awaitAll();
                for (int i = 0; i < 100; i++) {
                    Message inRing = hub.get(i + 1);
                    assertSame(inRing.sseEvent(), session.sseFrames.get(i), "SSE bytes of message " + (i + 1));
                    assertSame(inRing.text(), session.wsTexts.get(i), "WebSocket text of message " + (i + 1));
                }
            }
        }
    }

    @Test
    void aSubscriberThatTakesNothingDelaysNobodyAndLaterCatchesUpWithoutAGap() throws Exception {
        try (MessageHub hub = new MessageHub(MESSAGES, 0, FanOut.parallel(SHARDS))) {
            List<RingSession> others = subscribe(hub, SUBSCRIBERS - 1, MESSAGES / 2);
            RingSession stalled = new RingSession(hub, MESSAGES);
            stalled.writerBlocked = true; // like a client whose socket is full: each signal writes nothing
            hub.subscribe(stalled);

            publishOneByOne(hub, MESSAGES / 2);
            for (RingSession session : others) {
                session.awaitAll();
                assertEquals(expectedSeqs(1, MESSAGES / 2), session.received);
            }
            assertEquals(List.of(), stalled.received, "the stalled one has taken nothing yet");

            stalled.writerBlocked = false; // the client reads again
            publishOneByOne(hub, MESSAGES / 2);
            stalled.awaitAll();
            assertEquals(expectedSeqs(1, MESSAGES), stalled.received, "every message from the ring, once, in order");
        }
    }

    @Test
    void aSubscriberThatBlocksHoldsUpNeitherThePublisherNorTheOtherShards() throws Exception {
        try (MessageHub hub = new MessageHub(MESSAGES, 0, FanOut.parallel(SHARDS))) {
            BlockingSession blocker = new BlockingSession(hub, MESSAGES);
            hub.subscribe(blocker);
            List<RingSession> sessions = subscribe(hub, SUBSCRIBERS - 1, MESSAGES);
            int blockedShard = hub.fanOut().shardIndex(blocker);

            publishOneByOne(hub, MESSAGES); // returns although the blocker's shard is stuck in its first pass
            assertTrue(blocker.entered.await(30, TimeUnit.SECONDS), "the blocker was signalled");
            int otherShards = 0;
            for (RingSession session : sessions) {
                if (hub.fanOut().shardIndex(session) != blockedShard) {
                    session.awaitAll();
                    assertEquals(expectedSeqs(1, MESSAGES), session.received);
                    otherShards++;
                }
            }
            assertTrue(otherShards > 0, "some subscribers share no shard with the blocker");
            assertFalse(blocker.released(), "all of that happened while the blocker was still blocked");

            blocker.release.countDown();
            blocker.reader.awaitAll();
            assertEquals(expectedSeqs(1, MESSAGES), blocker.reader.received);
            for (RingSession session : sessions) {
                session.awaitAll();
                assertEquals(expectedSeqs(1, MESSAGES), session.received, "its shard-mates catch up, gap-free");
            }
        }
    }

    @Test
    void closingTheHubHasSignalledEverySubscriberWhenItReturns() {
        MessageHub hub = new MessageHub(10, 0, FanOut.parallel(SHARDS));
        CountDownLatch told = new CountDownLatch(SUBSCRIBERS);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            hub.subscribe(() -> {
                if (hub.isClosed()) {
                    told.countDown();
                }
            });
        }
        hub.close(); // waits for the fan-out's last passes, so sessions end before the server stops
        assertEquals(0, told.getCount(), "every subscriber learnt that the hub closed");
        hub.close(); // idempotent, and the late signal still runs (on this thread)
    }

    @Test
    void aPassCallsTheMembersAsTheyAreWhenItStartsAddedOrRemovedBetweenPasses() {
        FanOut fanOut = FanOut.onSignallingThread();
        int[] calls = new int[3];
        MessageHub.Subscriber a = () -> calls[0]++;
        MessageHub.Subscriber b = () -> calls[1]++;
        MessageHub.Subscriber broken = () -> {
            calls[2]++;
            throw new IllegalStateException("a broken session");
        };
        fanOut.add(a);
        fanOut.signal();
        fanOut.add(b);
        fanOut.add(broken);
        fanOut.signal();
        fanOut.remove(a);
        fanOut.signal();
        fanOut.signal();
        assertEquals(2, calls[0], "a: the two passes before its removal");
        assertEquals(3, calls[1], "b: every pass after it was added");
        assertEquals(1, calls[2], "a subscriber that throws is dropped after its first call");
        assertEquals(1, fanOut.size());
    }

    @Test
    void aFanOutNeedsAShard() {
        assertThrows(IllegalArgumentException.class, () -> FanOut.parallel(0));
        assertEquals(1, FanOut.onSignallingThread().shardCount());
    }

    private static List<RingSession> subscribe(MessageHub hub, int count, long lastSeq) {
        List<RingSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RingSession session = new RingSession(hub, lastSeq);
            hub.subscribe(session);
            sessions.add(session);
        }
        return sessions;
    }

    private static void publishOneByOne(MessageHub hub, int count) {
        for (int i = 0; i < count; i++) {
            hub.publish(1); // one signal per message: the fan-out coalesces what it cannot keep up with
        }
    }

    private static List<Long> expectedSeqs(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /**
     * A session stand-in: on each signal it reads every new message at its own cursor, as the
     * transports do, and keeps the sequence and the frames it would have written. Its lists are
     * read by the test only after {@link #awaitAll()}.
     */
    private static final class RingSession implements MessageHub.Subscriber {

        private final MessageHub hub;
        private final long lastSeq;
        private final CountDownLatch all = new CountDownLatch(1);
        final List<Long> received = new ArrayList<>();
        final List<byte[]> sseFrames = new ArrayList<>();
        final List<String> wsTexts = new ArrayList<>();
        final Set<String> threads = new HashSet<>();
        volatile boolean writerBlocked;
        private long cursor;

        RingSession(MessageHub hub, long lastSeq) {
            this.hub = hub;
            this.lastSeq = lastSeq;
        }

        @Override
        public void onPublished() {
            threads.add(Thread.currentThread().getName());
            if (writerBlocked) {
                return;
            }
            for (Message m; (m = hub.get(cursor + 1)) != null; ) {
                cursor++;
                received.add(m.seq());
                sseFrames.add(m.sseEvent());
                wsTexts.add(m.text());
                if (m.seq() == lastSeq) {
                    all.countDown();
                }
            }
        }

        void awaitAll() throws InterruptedException {
            assertTrue(all.await(30, TimeUnit.SECONDS), "received " + lastSeq + " messages");
        }
    }

    /** A subscriber whose writer blocks in its first signal until released (which the contract forbids). */
    private static final class BlockingSession implements MessageHub.Subscriber {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final RingSession reader;

        BlockingSession(MessageHub hub, long lastSeq) {
            this.reader = new RingSession(hub, lastSeq);
        }

        @Override
        public void onPublished() {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reader.onPublished();
        }

        boolean released() {
            return release.getCount() == 0;
        }
    }
}
