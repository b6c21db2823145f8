package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /poll}: cursors, batch limit, gaps and bad input, in both handler modes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollTest {

    /** The handler modes every case runs in; a flavour without one of them hides this. */
    static Stream<String> handlers() {
        return Stream.of("async", "blocking", "async-container");
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void pollAnswersAtOnceWithTheMessagesAfterTheCursor(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler);
             RawConnection socket = new RawConnection(server.baseUri())) {
            PollBody empty = WireJson.parsePollBody(socket.exchange("GET", "/poll").body());
            assertEquals(0, empty.last());
            assertTrue(empty.messages().isEmpty());

            server.hub().publish(5);
            RawConnection.Response r = socket.exchange("GET", "/poll?since=2");
            assertEquals(200, r.status());
            assertEquals("application/json", r.header("content-type"));
            assertEquals(String.valueOf(r.body().length()), r.header("content-length"));
            PollBody body = WireJson.parsePollBody(r.body());
            assertEquals(5, body.last());
            assertNull(body.gap());
            assertEquals(List.of(3L, 4L, 5L), body.messages().stream().map(WireJson::seq).toList());

            PollBody none = WireJson.parsePollBody(socket.exchange("GET", "/poll?since=5").body());
            assertEquals(5, none.last());
            assertTrue(none.messages().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void pollWithoutCursorStartsAtTheNewestMessage(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler);
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(3);
            PollBody body = WireJson.parsePollBody(socket.exchange("GET", "/poll").body());
            assertEquals(3, body.last());
            assertTrue(body.messages().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void answerIsCutAtMaxBatchAndLastPointsAtTheLastIncluded(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--max-batch", "4");
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(10);
            PollBody first = WireJson.parsePollBody(socket.exchange("GET", "/poll?since=0").body());
            assertEquals(4, first.last());
            assertEquals(List.of(1L, 2L, 3L, 4L), first.messages().stream().map(WireJson::seq).toList());
            PollBody next = WireJson.parsePollBody(socket.exchange("GET", "/poll?since=" + first.last()).body());
            assertEquals(List.of(5L, 6L, 7L, 8L), next.messages().stream().map(WireJson::seq).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void cursorOlderThanTheRingGetsAnExplicitGap(String handler) throws Exception {
        try (HarnessServer server = startServer("--handler", handler, "--ring-capacity", "5");
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(12);
            PollBody body = WireJson.parsePollBody(socket.exchange("GET", "/poll?since=2").body());
            assertEquals(3, body.gap().fromSeq());
            assertEquals(7, body.gap().toSeq());
            assertEquals(List.of(8L, 9L, 10L, 11L, 12L), body.messages().stream().map(WireJson::seq).toList());
            assertEquals(12, body.last());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"since=abc", "since=-1", "since=99"})
    void badCursorGetsBadRequestWithReason(String query) throws Exception {
        try (HarnessServer server = startServer();
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(3);
            RawConnection.Response r = socket.exchange("GET", "/poll?" + query);
            assertEquals(400, r.status());
            assertTrue(r.body().startsWith(query), "the reason names the input: " + r.body());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 300})
    void messagesCarryTheConfiguredPadding(int payloadBytes) throws Exception {
        try (HarnessServer server = startServer("--payload-bytes", Integer.toString(payloadBytes));
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(1);
            String message = WireJson.parsePollBody(socket.exchange("GET", "/poll?since=0").body()).messages().get(0);
            assertTrue(message.endsWith(",\"p\":\"" + "x".repeat(payloadBytes) + "\"}"), message);
        }
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringPollTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
