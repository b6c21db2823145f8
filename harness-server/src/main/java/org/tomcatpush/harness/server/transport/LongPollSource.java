package org.tomcatpush.harness.server.transport;

import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * A long poll: writes nothing until a message after the cursor exists, the hold ends or the hub
 * closes, then becomes a {@link PollAnswer} (empty when the hold ended).
 */
final class LongPollSource implements PushSource {

    private final MessageHub hub;
    private final long cursor;
    private final int maxBatch;
    private final long holdEndNanos;
    private boolean holdOver;
    private PollAnswer answer;

    LongPollSource(MessageHub hub, long cursor, int maxBatch, long holdEndNanos) {
        this.hub = hub;
        this.cursor = cursor;
        this.maxBatch = maxBatch;
        this.holdEndNanos = holdEndNanos;
    }

    @Override
    public void advanceTo(long nowNanos) {
        if (nowNanos - holdEndNanos >= 0) {
            holdOver = true;
        }
    }

    @Override
    public byte[] nextPiece() {
        if (answer == null) {
            if (hub.lastSeq() <= cursor && !holdOver && !hub.isClosed()) {
                return null;
            }
            answer = PollAnswer.collect(hub, cursor, maxBatch);
        }
        return answer.nextPiece();
    }

    @Override
    public boolean isComplete() {
        return answer != null && answer.isComplete();
    }

    @Override
    public long contentLength() {
        return answer == null ? -1 : answer.contentLength();
    }

    @Override
    public long cursor() {
        return answer == null ? cursor : answer.last();
    }

    @Override
    public long nextDeadlineNanos() {
        return answer == null ? holdEndNanos : NO_DEADLINE;
    }

    @Override
    public long endDeadlineNanos() {
        return nextDeadlineNanos();
    }

    @Override
    public boolean wantsMessages() {
        return answer == null;
    }
}
