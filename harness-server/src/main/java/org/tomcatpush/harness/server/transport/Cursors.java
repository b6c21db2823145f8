package org.tomcatpush.harness.server.transport;

import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * Where a session starts reading: after the {@code since} parameter, else after the
 * {@code Last-Event-ID} header (SSE), else at the newest message (it only receives what is
 * published after it arrived).
 */
final class Cursors {

    private Cursors() {
    }

    /**
     * @param since       the {@code since} query parameter, or null
     * @param lastEventId the {@code Last-Event-ID} header, or null
     * @throws BadCursorException when the value is not a sequence or is ahead of the newest message
     */
    static long start(MessageHub hub, String since, String lastEventId) throws BadCursorException {
        if (since != null) {
            return parse(hub, "since", since);
        }
        if (lastEventId != null && !lastEventId.isBlank()) {
            return parse(hub, "Last-Event-ID", lastEventId);
        }
        return hub.lastSeq();
    }

    private static long parse(MessageHub hub, String name, String value) throws BadCursorException {
        long seq;
        try {
            seq = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            seq = -1;
        }
        if (seq < 0) {
            throw new BadCursorException(name + "=" + value + " is not a sequence number: give 0 or a sequence"
                    + " this server sent");
        }
        long last = hub.lastSeq();
        if (seq > last) {
            throw new BadCursorException(name + "=" + seq + " is ahead of the newest message (" + last
                    + "): resume from a sequence this server sent, or leave it out to start at the newest");
        }
        return seq;
    }
}
