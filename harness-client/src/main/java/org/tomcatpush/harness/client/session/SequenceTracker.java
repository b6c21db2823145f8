package org.tomcatpush.harness.client.session;

/**
 * Checks one session's view of the server's gap-free message sequence, across all its requests
 * and reconnects, and says what each arrival means. It keeps one number: the highest sequence the
 * session has accounted for (received, or written off as lost). Not thread-safe: a session feeds it
 * from one exchange at a time.
 *
 * <ul>
 *   <li>A message at or below that mark is a duplicate.</li>
 *   <li>A message above mark + 1 means the ones in between were skipped: lost.</li>
 *   <li>A gap notice {@code from..to} writes off everything above the mark up to {@code to}.</li>
 *   <li>A cursor (a poll answer's {@code last}) says the server has sent everything up to it:
 *       anything above the mark and not received is lost.</li>
 * </ul>
 * Until the first message or cursor the session has no mark (it joined at "newest"), so the first
 * one only sets it.
 */
final class SequenceTracker {

    /** Result of {@link #onMessage(long)}: the message is new. */
    static final long NEW = 0;
    /** Result of {@link #onMessage(long)}: the message was seen before. */
    static final long DUPLICATE = -1;

    private long lastSeq;
    private boolean started;

    /**
     * Accounts for one received message.
     *
     * @return {@link #DUPLICATE}, or the number of messages (0 or more) found lost before it
     */
    long onMessage(long seq) {
        if (!started) {
            started = true;
            lastSeq = seq;
            return NEW;
        }
        if (seq <= lastSeq) {
            return DUPLICATE;
        }
        long lost = seq - lastSeq - 1;
        lastSeq = seq;
        return lost;
    }

    /** Accounts for a gap notice; returns how many messages it newly writes off. */
    long onGap(long fromSeq, long toSeq) {
        if (toSeq < fromSeq) {
            return 0;
        }
        if (!started) {
            started = true;
            lastSeq = toSeq;
            return toSeq - fromSeq + 1;
        }
        if (toSeq <= lastSeq) {
            return 0;
        }
        // whatever lies between the mark and the gap was never sent either
        long lost = toSeq - lastSeq;
        lastSeq = toSeq;
        return lost;
    }

    /** Accounts for the server's statement that it has sent everything up to {@code seq}; returns how many were lost. */
    long onCursor(long seq) {
        if (!started) {
            started = true;
            lastSeq = seq;
            return 0;
        }
        if (seq <= lastSeq) {
            return 0;
        }
        long lost = seq - lastSeq;
        lastSeq = seq;
        return lost;
    }

    /**
     * Starts a new epoch: the server's sequence restarted (a new server), so the mark goes back to
     * 0 and the next request asks for everything the new server still holds. What the old server
     * published after the mark and never delivered cannot be known, and is not counted.
     */
    void restartEpoch() {
        started = true;
        lastSeq = 0;
    }

    /** The highest sequence accounted for: the resume point ({@code since}) of the next request; 0 before any. */
    long lastSeq() {
        return lastSeq;
    }

    /** Whether the session has a resume point yet. */
    boolean started() {
        return started;
    }
}
