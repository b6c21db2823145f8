package org.tomcatpush.harness.server.transport;

import java.nio.charset.StandardCharsets;

import org.tomcatpush.harness.server.hub.MessageCodec;
import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * An SSE response body: {@code retry:} (when configured) and an {@code : open} comment at once,
 * then one pre-encoded event per message ({@code id:} is the sequence), {@code event: gap} when
 * the session's cursor fell out of the ring, and a {@code : hb} comment after each heartbeat
 * interval of silence. It ends at its end time (like Spring's {@code SseEmitter(timeout)}, counted
 * from the start of the request) or when the hub closes.
 */
final class SseStream implements PushSource {

    private static final byte[] HEARTBEAT = ": hb\n\n".getBytes(StandardCharsets.US_ASCII);

    private final MessageHub hub;
    private final HubCursor reader;
    private final long heartbeatNanos;
    private final long endNanos;
    private byte[] preface;
    private long nowNanos;
    private long lastWriteNanos;
    private boolean complete;

    /**
     * @param cursor         the last sequence the client has
     * @param retryMs        the {@code retry:} field, or null to send none
     * @param heartbeatNanos silence before a heartbeat comment, 0 = none
     * @param startNanos     when the request started
     * @param endNanos       when the stream ends, {@link #NO_DEADLINE} = never
     */
    SseStream(MessageHub hub, long cursor, Integer retryMs, long heartbeatNanos, long startNanos, long endNanos) {
        this.hub = hub;
        this.reader = new HubCursor(hub, cursor);
        this.heartbeatNanos = heartbeatNanos;
        this.endNanos = endNanos;
        this.nowNanos = startNanos;
        this.lastWriteNanos = startNanos;
        String retry = retryMs == null ? "" : "retry: " + retryMs + "\n";
        this.preface = (retry + ": open\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void advanceTo(long now) {
        nowNanos = now;
        if ((endNanos != NO_DEADLINE && now - endNanos >= 0) || hub.isClosed()) {
            complete = true;
        }
    }

    @Override
    public byte[] nextPiece() {
        if (complete) {
            return null;
        }
        byte[] piece = null;
        if (preface != null) {
            piece = preface;
            preface = null;
        } else {
            HubCursor.Item item = reader.next();
            if (item == HubCursor.Item.MESSAGE) {
                piece = reader.message().sseEvent();
            } else if (item == HubCursor.Item.GAP) {
                piece = MessageCodec.sseGapEvent(reader.gap());
            } else if (heartbeatNanos > 0 && nowNanos - lastWriteNanos >= heartbeatNanos) {
                piece = HEARTBEAT;
            }
        }
        if (piece != null) {
            lastWriteNanos = nowNanos;
        }
        return piece;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public long contentLength() {
        return -1;
    }

    @Override
    public long cursor() {
        return reader.position();
    }

    @Override
    public long nextDeadlineNanos() {
        long heartbeatDue = heartbeatNanos > 0 ? lastWriteNanos + heartbeatNanos : NO_DEADLINE;
        return Math.min(endNanos, heartbeatDue);
    }

    @Override
    public long endDeadlineNanos() {
        return endNanos;
    }

    @Override
    public boolean wantsMessages() {
        return !complete;
    }
}
