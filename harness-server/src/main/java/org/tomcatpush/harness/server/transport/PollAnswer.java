package org.tomcatpush.harness.server.transport;

import java.nio.charset.StandardCharsets;

import org.tomcatpush.harness.server.hub.Gap;
import org.tomcatpush.harness.server.hub.Message;
import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * The body of a {@code /poll} or {@code /longpoll} answer, {@code {"last":L,"gap":G,"messages":[..]}},
 * collected from the hub at one instant and handed out as pieces: a small header, then each
 * message's shared pre-encoded JSON. Its length is known up front, so it is sent with
 * {@code Content-Length}.
 */
final class PollAnswer implements PushSource {

    private static final byte[] COMMA = {','};
    private static final byte[] FOOTER = {']', '}'};

    private final long last;
    private final byte[] header;
    private final Message[] messages;
    private final int count;
    private final long contentLength;
    private int nextMessage;
    private boolean commaDue;
    private boolean headerSent;
    private boolean footerSent;

    private PollAnswer(long last, Gap gap, Message[] messages, int count) {
        this.last = last;
        this.messages = messages;
        this.count = count;
        String gapJson = gap == null ? "null" : "{\"from\":" + gap.fromSeq() + ",\"to\":" + gap.toSeq() + "}";
        this.header = ("{\"last\":" + last + ",\"gap\":" + gapJson + ",\"messages\":[")
                .getBytes(StandardCharsets.US_ASCII);
        long length = header.length + FOOTER.length + Math.max(0, count - 1);
        for (int i = 0; i < count; i++) {
            length += messages[i].json().length;
        }
        this.contentLength = length;
    }

    /**
     * Collects up to {@code maxBatch} messages after {@code cursor}. A gap can only lead the answer:
     * should the ring overtake the collection half-way, the answer stops there and the next poll
     * learns of the gap.
     */
    static PollAnswer collect(MessageHub hub, long cursor, int maxBatch) {
        HubCursor reader = new HubCursor(hub, cursor);
        long available = Math.max(0, hub.lastSeq() - cursor);
        Message[] messages = new Message[(int) Math.min(available, maxBatch)];
        int count = 0;
        Gap gap = null;
        while (count < messages.length) {
            HubCursor.Item item = reader.next();
            if (item == HubCursor.Item.MESSAGE) {
                messages[count++] = reader.message();
            } else if (item == HubCursor.Item.GAP && count == 0 && gap == null) {
                gap = reader.gap();
            } else {
                break;
            }
        }
        long last = count > 0 ? messages[count - 1].seq() : (gap != null ? gap.toSeq() : cursor);
        return new PollAnswer(last, gap, messages, count);
    }

    /** The cursor the client should send next. */
    long last() {
        return last;
    }

    @Override
    public void advanceTo(long nowNanos) {
        // an answer does not change with time
    }

    @Override
    public byte[] nextPiece() {
        if (!headerSent) {
            headerSent = true;
            return header;
        }
        if (nextMessage < count) {
            if (commaDue) {
                commaDue = false;
                return COMMA;
            }
            commaDue = true;
            return messages[nextMessage++].json();
        }
        if (!footerSent) {
            footerSent = true;
            return FOOTER;
        }
        return null;
    }

    @Override
    public boolean isComplete() {
        return footerSent;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public long cursor() {
        return last;
    }

    @Override
    public long nextDeadlineNanos() {
        return NO_DEADLINE;
    }

    @Override
    public long endDeadlineNanos() {
        return NO_DEADLINE;
    }

    @Override
    public boolean wantsMessages() {
        return false;
    }

    /** The body as text (tests and diagnostics; the servlets write pieces). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(new String(header, StandardCharsets.US_ASCII));
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(messages[i].text());
        }
        return text.append("]}").toString();
    }
}
