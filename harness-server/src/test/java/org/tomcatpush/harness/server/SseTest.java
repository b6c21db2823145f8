package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tomcatpush.harness.server.probe.Endpoint;

/** {@code GET /sse}: stream format, retry, heartbeats, timeout and lossless resume; every handler mode. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SseTest {

    /** The handler modes every case runs in; a flavour without one of them hides this. */
    static Stream<String> handlers() {
        return Stream.of("async", "blocking", "async-container");
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void streamOpensWithCommentThenSendsEachMessageWithItsSequenceAsId(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler);
             SseConnection sse = SseConnection.open(server.baseUri(), "/sse")) {
            assertEquals(200, sse.head.status());
            assertEquals("text/event-stream", sse.head.header("content-type"));
            assertEquals("no-cache", sse.head.header("cache-control"));
            SseConnection.Event open = sse.next();
            assertEquals("open", open.comment());
            assertNull(open.retry(), "no retry: field unless --sse-retry is set");

            server.hub().publish(3);
            for (long seq = 1; seq <= 3; seq++) {
                SseConnection.Event e = sse.nextMessage();
                assertEquals(Long.toString(seq), e.id());
                assertEquals(seq, WireJson.seq(e.data()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void eventsLargerThanTheResponseBufferOrBurstsThatFillItArriveWholeAndInOrder(String handler) throws Exception {
        // 20,000 padding bytes: more than Tomcat's 8 KB response buffer, so every event reaches the socket
        // by itself; then 300 small ones at once, which fill the buffer several times in one drain
        try (HarnessServer big = startServer("--handler", handler, "--payload-bytes", "20000");
             SseConnection sse = SseConnection.open(big.baseUri(), "/sse")) {
            assertEquals("open", sse.next().comment());
            big.hub().publish(5);
            for (long seq = 1; seq <= 5; seq++) {
                SseConnection.Event e = sse.nextMessage();
                assertEquals(seq, WireJson.seq(e.data()));
                assertTrue(e.data().length() > 20_000, "the whole event: " + e.data().length());
            }
        }
        try (HarnessServer small = startServer("--handler", handler);
             SseConnection sse = SseConnection.open(small.baseUri(), "/sse")) {
            assertEquals("open", sse.next().comment());
            small.hub().publish(300);
            for (long seq = 1; seq <= 300; seq++) {
                assertEquals(seq, WireJson.seq(sse.nextMessage().data()));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void retryFieldComesFirstWhenConfigured(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--sse-retry", "1500");
             SseConnection sse = SseConnection.open(server.baseUri(), "/sse")) {
            SseConnection.Event first = sse.next();
            assertEquals("1500", first.retry());
            assertEquals("open", first.comment());
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void heartbeatCommentAfterSilence(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--sse-heartbeat", "200");
             SseConnection sse = SseConnection.open(server.baseUri(), "/sse")) {
            assertEquals("open", sse.next().comment());
            long start = System.nanoTime();
            SseConnection.Event hb = sse.next();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("hb", hb.comment());
            assertTrue(ms >= 150 && ms <= 3000, "heartbeat after " + ms + " ms of silence");
            assertEquals("hb", sse.next().comment(), "and again after the next silence");
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void streamEndsAtSseTimeoutAndLastEventIdResumesWithoutLossOrDuplicates(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--sse-timeout", "300")) {
            server.hub().publish(2);
            List<Long> received = new ArrayList<>();
            long start = System.nanoTime();
            String lastId;
            try (SseConnection sse = SseConnection.open(server.baseUri(), "/sse")) {
                assertEquals("open", sse.next().comment());
                server.hub().publish(3);
                List<String> data = sse.readToEnd();
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(ms >= 290 && ms <= 2500, "the stream ended after " + ms + " ms");
                data.forEach(d -> received.add(WireJson.seq(d)));
                assertEquals(List.of(3L, 4L, 5L), received);
                lastId = Long.toString(received.get(received.size() - 1));
                assertTrue(sse.raw().silentFor(100), "the connection stays open for the reconnect");
            }
            server.hub().publish(4); // published while no stream is open: 6..9

            try (SseConnection again = SseConnection.open(server.baseUri(), "/sse", "Last-Event-ID: " + lastId)) {
                server.hub().publish(1); // 10, while the second stream is open
                again.readToEnd().forEach(d -> received.add(WireJson.seq(d)));
            }
            assertEquals(List.of(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), received, "every message once, in order");
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void sinceParameterResumesLikeLastEventId(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler);
             SseConnection sse = SseConnection.open(server.baseUri(), "/sse?since=0")) {
            assertEquals("open", sse.next().comment());
            server.hub().publish(2);
            assertEquals(1, WireJson.seq(sse.nextMessage().data()));
            assertEquals(2, WireJson.seq(sse.nextMessage().data()));
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void resumeOlderThanTheRingAnnouncesTheGap(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--ring-capacity", "4")) {
            server.hub().publish(10);
            try (SseConnection sse = SseConnection.open(server.baseUri(), "/sse", "Last-Event-ID: 1")) {
                assertEquals("open", sse.next().comment());
                SseConnection.Event gap = sse.next();
                assertEquals("gap", gap.event());
                assertTrue(WireJson.isGap(gap.data()));
                assertEquals(2, WireJson.gapFrom(gap.data()));
                assertEquals(6, WireJson.gapTo(gap.data()));
                for (long seq = 7; seq <= 10; seq++) {
                    assertEquals(Long.toString(seq), sse.nextMessage().id());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void vanishedClientEndsItsOwnStreamOnly(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--sse-heartbeat", "50");
             SseConnection stays = SseConnection.open(server.baseUri(), "/sse")) {
            SseConnection gone = SseConnection.open(server.baseUri(), "/sse");
            assertEquals("open", stays.next().comment());
            assertEquals("open", gone.next().comment());
            gone.raw().abort();
            assertTrue(TestServers.await(10_000, () -> open(server, handler) == 1),
                    "the vanished client's stream ended");
            server.hub().publish(1);
            assertNotNull(stays.nextMessage(), "the other stream still gets messages");
        }
    }

    private static int open(HarnessServer server, String handler) {
        return !handler.equals("blocking")
                ? server.probe().counters().asyncInFlight(Endpoint.SSE)
                : server.probe().counters().handlersInProgress();
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringSseTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
