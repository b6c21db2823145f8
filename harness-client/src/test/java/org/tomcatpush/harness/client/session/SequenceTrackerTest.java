package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One session's sequence check: lost and duplicated messages, across requests and reconnects. */
class SequenceTrackerTest {

    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void firstMessageSetsTheMarkWithoutLoss() {
        assertFalse(tracker.started());
        assertEquals(0, tracker.onMessage(40));
        assertTrue(tracker.started());
        assertEquals(40, tracker.lastSeq());
    }

    @Test
    void inOrderMessagesLoseNothing() {
        for (long seq = 1; seq <= 100; seq++) {
            assertEquals(0, tracker.onMessage(seq));
        }
        assertEquals(100, tracker.lastSeq());
    }

    @Test
    void jumpCountsTheSkippedMessagesAsLost() {
        tracker.onMessage(5);
        assertEquals(3, tracker.onMessage(9), "6, 7 and 8 never came");
        assertEquals(0, tracker.onMessage(10));
    }

    @Test
    void messageAtOrBelowTheMarkIsADuplicate() {
        tracker.onMessage(5);
        tracker.onMessage(6);
        assertEquals(SequenceTracker.DUPLICATE, tracker.onMessage(6));
        assertEquals(SequenceTracker.DUPLICATE, tracker.onMessage(2));
        assertEquals(6, tracker.lastSeq(), "a duplicate does not move the mark");
    }

    @Test
    void replayAfterReconnectCountsOnlyTheOverlapAsDuplicates() {
        for (long seq = 1; seq <= 10; seq++) {
            tracker.onMessage(seq);
        }
        // the stream broke; the server replays from 8 instead of 11
        int duplicates = 0;
        long lost = 0;
        for (long seq = 8; seq <= 15; seq++) {
            long result = tracker.onMessage(seq);
            if (result == SequenceTracker.DUPLICATE) {
                duplicates++;
            } else {
                lost += result;
            }
        }
        assertEquals(3, duplicates);
        assertEquals(0, lost);
        assertEquals(15, tracker.lastSeq());
    }

    @Test
    void explicitGapNoticeWritesOffItsRangeOnce() {
        tracker.onMessage(2);
        assertEquals(15, tracker.onGap(3, 17));
        assertEquals(0, tracker.onMessage(18), "the message after the gap is no jump");
        assertEquals(0, tracker.onGap(3, 17), "a repeated notice writes off nothing more");
    }

    @Test
    void gapNoticeBeyondTheMarkAlsoWritesOffWhatLiesBetween() {
        tracker.onMessage(2);
        assertEquals(7, tracker.onGap(5, 9), "3 and 4 were never sent either");
    }

    @Test
    void cursorBeyondTheLastMessageCountsTheRestAsLost() {
        assertEquals(0, tracker.onCursor(20), "the first cursor sets the mark");
        tracker.onMessage(21);
        tracker.onMessage(22);
        assertEquals(0, tracker.onCursor(22));
        assertEquals(3, tracker.onCursor(25));
        assertEquals(0, tracker.onCursor(24), "an older cursor changes nothing");
        assertEquals(25, tracker.lastSeq());
    }

    @Test
    void aNewEpochResumesFromZeroAndCountsTheNewSequenceFromOne() {
        SequenceTracker tracker = new SequenceTracker();
        tracker.onMessage(200);
        tracker.restartEpoch();
        assertEquals(0, tracker.lastSeq(), "the next request asks for everything from 0");
        assertEquals(0, tracker.onMessage(1), "sequence 1 of the new server is new, not a duplicate");
        assertEquals(2, tracker.onMessage(4), "2 and 3 of the new epoch are lost");
    }
}
