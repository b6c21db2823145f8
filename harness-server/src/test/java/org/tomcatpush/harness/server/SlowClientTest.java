package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.server.probe.Endpoint;

/**
 * A client that stops reading never stalls the publisher or the other sessions: the server parks
 * only that client's response (async non-blocking output), and it learns of what it missed as a gap.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowClientTest {

    @Test
    void clientThatStopsReadingStallsNeitherThePublisherNorOtherStreams() throws Exception {
        int payloadBytes = 64 * 1024;
        int messages = 400; // about 26 MB: far more than the socket buffers between server and stuck client
        try (HarnessServer server = TestServers.start("--handler", "async", "--payload-bytes",
                Integer.toString(payloadBytes), "--ring-capacity", "100");
             SseConnection stuck = SseConnection.open(server.baseUri(), "/sse");
             SseConnection reader = SseConnection.open(server.baseUri(), "/sse")) {
            assertEquals("open", stuck.next().comment());
            assertEquals("open", reader.next().comment());
            stuck.raw().setReadTimeout(60_000);

            long expected = 1;
            for (int i = 0; i < messages; i++) {
                server.hub().publish(1); // returns at once: the publisher only signals
                SseConnection.Event e = reader.nextMessage();
                assertEquals(expected++, WireJson.seq(e.data()), "the reading stream gets every message in order");
            }
            assertEquals(messages, server.hub().lastSeq());
            assertEquals(2, server.probe().counters().asyncInFlight(Endpoint.SSE), "the stuck stream is parked, not ended");
            assertTrue(server.probe().threads().busy() <= 1, "and holds no thread: " + server.probe().threads());

            // once it reads again it learns, as a gap, what left the ring while it was stuck
            boolean sawGap = false;
            long last = 0;
            while (last < messages) {
                SseConnection.Event e = stuck.next();
                if (e == null) {
                    break;
                }
                if ("gap".equals(e.event())) {
                    sawGap = true;
                    last = WireJson.gapTo(e.data());
                } else if (e.data() != null) {
                    long seq = WireJson.seq(e.data());
                    assertEquals(last + 1, seq, "no message twice and none lost without a gap");
                    last = seq;
                }
            }
            assertTrue(sawGap, "a ring of 100 cannot hold what the stuck client missed");
            assertEquals(messages, last);
        }
    }
}
