package org.tomcatpush.harness.server.transport;

import org.tomcatpush.harness.server.hub.Gap;
import org.tomcatpush.harness.server.hub.Message;
import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * A session's position in the hub, read one item at a time: the next message, or a gap when the
 * next message already left the ring. Every transport reads through one, so resume and gap rules
 * are the same everywhere. Not thread safe: one session reads it at a time. Allocation-free except
 * for the (rare) gap.
 */
final class HubCursor {

    enum Item { NONE, MESSAGE, GAP }

    private final MessageHub hub;
    private long position;
    private Message message;
    private Gap gap;

    /** @param position the last sequence the session already has (0 = none) */
    HubCursor(MessageHub hub, long position) {
        this.hub = hub;
        this.position = position;
    }

    /** Moves to the next item; {@link #message()} or {@link #gap()} then holds it. */
    Item next() {
        while (true) {
            long wanted = position + 1;
            if (wanted > hub.lastSeq()) {
                return Item.NONE;
            }
            Message m = hub.get(wanted);
            if (m != null) {
                position = wanted;
                message = m;
                return Item.MESSAGE;
            }
            long first = hub.firstSeq();
            if (first > wanted) {
                gap = new Gap(wanted, first - 1);
                position = first - 1;
                return Item.GAP;
            }
            // the publisher stored a newer message in the slot but has not announced it yet
            Thread.onSpinWait();
        }
    }

    /** The last sequence handed out (or skipped by a gap). */
    long position() {
        return position;
    }

    Message message() {
        return message;
    }

    Gap gap() {
        return gap;
    }
}
