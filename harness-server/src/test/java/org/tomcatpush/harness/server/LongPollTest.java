package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /longpoll}: at once, held until a publish, or empty after the hold; both modes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LongPollTest {

    /** The handler modes every case runs in; a flavour without one of them hides this. */
    static Stream<String> handlers() {
        return Stream.of("async", "blocking", "async-container");
    }

    private static final int HOLD_MS = 1500;

    @ParameterizedTest
    @MethodSource("handlers")
    void answersAtOnceWhenAMessageAfterTheCursorExists(String handler) throws Exception {
        try (HarnessServer server = start(handler);
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(3);
            long start = System.nanoTime();
            PollBody body = WireJson.parsePollBody(socket.exchange("GET", "/longpoll?since=1").body());
            long ms = elapsedMs(start);
            assertEquals(List.of(2L, 3L), body.messages().stream().map(WireJson::seq).toList());
            assertEquals(3, body.last());
            assertTrue(ms < HOLD_MS, "answered before the hold ended (" + ms + " ms)");
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void holdsUntilAMessageIsPublished(String handler) throws Exception {
        try (HarnessServer server = start(handler);
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(3);
            long start = System.nanoTime();
            socket.send("GET", "/longpoll?since=3");
            assertTrue(socket.silentFor(300), "nothing newer than 3: the request is held");
            server.hub().publish(1);
            PollBody body = WireJson.parsePollBody(socket.readResponse().body());
            long ms = elapsedMs(start);
            assertEquals(List.of(4L), body.messages().stream().map(WireJson::seq).toList());
            assertTrue(ms < HOLD_MS, "answered with the new message before the hold ended (" + ms + " ms)");
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void answersEmptyAfterTheHold(String handler) throws Exception {
        try (HarnessServer server = start(handler);
             RawConnection socket = new RawConnection(server.baseUri())) {
            server.hub().publish(2);
            long start = System.nanoTime();
            RawConnection.Response r = socket.exchange("GET", "/longpoll?since=2");
            long ms = elapsedMs(start);
            PollBody body = WireJson.parsePollBody(r.body());
            assertEquals(200, r.status());
            assertTrue(body.messages().isEmpty());
            assertEquals(2, body.last());
            assertTrue(ms >= HOLD_MS - 50 && ms <= HOLD_MS + 2500, "empty answer after " + ms + " ms");
        }
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void heldRequestIsCountedInFlightOnlyInAsyncMode(String handler) throws Exception {
        try (HarnessServer server = start(handler);
             RawConnection socket = new RawConnection(server.baseUri())) {
            socket.send("GET", "/longpoll");
            int expectedAsync = handler.equals("blocking") ? 0 : 1;
            int expectedHandlers = handler.equals("blocking") ? 1 : 0;
            assertTrue(TestServers.await(1_000, () ->
                    server.probe().counters().asyncInFlight(org.tomcatpush.harness.server.probe.Endpoint.LONGPOLL)
                            == expectedAsync
                    && server.probe().counters().handlersInProgress() == expectedHandlers));
            assertEquals(200, socket.readResponse().status());
        }
    }

    private HarnessServer start(String handler) {
        return startServer("--handler", handler, "--long-poll-hold", Integer.toString(HOLD_MS));
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringLongPollTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
