package org.tomcatpush.harness.server.transport;

import org.tomcatpush.harness.server.hub.MessageCodec;

/** The text frame for the item a {@link HubCursor} is on: the message JSON, or the gap JSON. */
final class WsItems {

    private WsItems() {
    }

    /** The frame text for {@code item}, or null for {@link HubCursor.Item#NONE}. */
    static String frame(HubCursor cursor, HubCursor.Item item) {
        return switch (item) {
            case MESSAGE -> cursor.message().text();
            case GAP -> MessageCodec.encodeGap(cursor.gap());
            case NONE -> null;
        };
    }
}
