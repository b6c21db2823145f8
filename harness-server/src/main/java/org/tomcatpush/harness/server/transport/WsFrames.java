package org.tomcatpush.harness.server.transport;

import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * A WebSocket session's frames in order, for code outside this package (the Spring handler): each
 * message's JSON, or the gap JSON when the session's cursor fell out of the ring, read through the
 * same {@link HubCursor} the JSR-356 endpoint uses. Not thread safe: one session reads it at a time.
 */
public final class WsFrames {

    private final HubCursor cursor;

    /** @param position the last sequence the session already has */
    public WsFrames(MessageHub hub, long position) {
        this.cursor = new HubCursor(hub, position);
    }

    /** The next frame's text, or null when nothing newer has been published. */
    public String next() {
        return WsItems.frame(cursor, cursor.next());
    }

    /** The last sequence handed out (or skipped by a gap). */
    public long position() {
        return cursor.position();
    }
}
