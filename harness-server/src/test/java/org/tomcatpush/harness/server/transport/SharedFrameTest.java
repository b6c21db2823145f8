package org.tomcatpush.harness.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.server.hub.MessageHub;

/**
 * Every session writes the one frame the hub encoded for a message: the SSE streams hand out the
 * same byte array and the WebSocket pumps the same text, so a message's cost of encoding does not
 * grow with its audience.
 */
class SharedFrameTest {

    @Test
    void sseStreamsWriteTheSameEncodedEventBytes() {
        MessageHub hub = new MessageHub(10, 16);
        SseStream first = new SseStream(hub, 0, null, 0, 0, PushSource.NO_DEADLINE);
        SseStream second = new SseStream(hub, 0, null, 0, 0, PushSource.NO_DEADLINE);
        first.nextPiece(); // the ": open" preface
        second.nextPiece();
        hub.publish(2);
        for (long seq = 1; seq <= 2; seq++) {
            byte[] firstEvent = first.nextPiece();
            assertSame(hub.get(seq).sseEvent(), firstEvent, "the ring's event, not a copy: " + seq);
            assertSame(firstEvent, second.nextPiece());
        }
        assertEquals(2, first.cursor());
    }

    @Test
    void webSocketSessionsSendTheSameText() {
        MessageHub hub = new MessageHub(10, 16);
        HubCursor first = new HubCursor(hub, 0);
        HubCursor second = new HubCursor(hub, 0);
        hub.publish(1);
        String firstFrame = WsItems.frame(first, first.next());
        assertSame(hub.get(1).text(), firstFrame);
        assertSame(firstFrame, WsItems.frame(second, second.next()));
    }
}
