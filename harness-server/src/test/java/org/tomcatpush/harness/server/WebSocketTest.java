package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /ws}: messages in order as text frames, resume from {@code since}, gaps; both modes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebSocketTest {

    /** Collects text frames (whole messages) and the close code. */
    static final class Frames implements WebSocket.Listener {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        String next() throws InterruptedException {
            String text = texts.poll(10, TimeUnit.SECONDS);
            if (text == null) {
                throw new AssertionError("no frame within 10 s");
            }
            return text;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "blocking"})
    void receivesPublishedMessagesInOrderAndResumesFromSince(String handler) throws Exception {
        try (TestServers.Client client = TestServers.httpClient();
             HarnessServer server = startServer("--handler", handler)) {
            List<Long> received = new ArrayList<>();
            Frames first = new Frames();
            WebSocket ws = connect(client, server, "/ws?since=0", first);
            assertTrue(TestServers.await(5_000, () -> server.probe().counters().wsSessions() == 1));
            server.hub().publish(5);
            for (int i = 0; i < 5; i++) {
                received.add(WireJson.seq(first.next()));
            }
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L), received);
            ws.abort();
            assertTrue(TestServers.await(10_000, () -> {
                server.hub().publish(1); // a blocking session notices a gone client on its next send
                return server.probe().counters().wsSessions() == 0;
            }), "the closed session is no longer counted");

            long resumeFrom = received.get(received.size() - 1);
            long newest = server.hub().lastSeq();
            Frames second = new Frames();
            WebSocket again = connect(client, server, "/ws?since=" + resumeFrom, second);
            List<Long> resumed = new ArrayList<>();
            for (long seq = resumeFrom + 1; seq <= newest; seq++) {
                resumed.add(WireJson.seq(second.next()));
            }
            server.hub().publish(2);
            resumed.add(WireJson.seq(second.next()));
            resumed.add(WireJson.seq(second.next()));
            List<Long> expected = new ArrayList<>();
            for (long seq = resumeFrom + 1; seq <= newest + 2; seq++) {
                expected.add(seq);
            }
            assertEquals(expected, resumed, "resumed after " + resumeFrom + " without loss or duplicates");
            again.abort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "blocking"})
    void resumeOlderThanTheRingStartsWithAGapFrame(String handler) throws Exception {
        try (TestServers.Client client = TestServers.httpClient();
             HarnessServer server = startServer("--handler", handler, "--ring-capacity", "3")) {
            server.hub().publish(8);
            Frames frames = new Frames();
            WebSocket ws = connect(client, server, "/ws?since=2", frames);
            String gap = frames.next();
            assertTrue(WireJson.isGap(gap), gap);
            assertEquals(3, WireJson.gapFrom(gap));
            assertEquals(5, WireJson.gapTo(gap));
            assertEquals(6, WireJson.seq(frames.next()));
            assertEquals(7, WireJson.seq(frames.next()));
            assertEquals(8, WireJson.seq(frames.next()));
            ws.abort();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"async", "blocking"})
    void badSinceClosesTheSessionWithCannotAccept(String handler) throws Exception {
        try (TestServers.Client client = TestServers.httpClient();
             HarnessServer server = startServer("--handler", handler)) {
            Frames frames = new Frames();
            connect(client, server, "/ws?since=nope", frames);
            assertEquals(1003, frames.closed.get(10, TimeUnit.SECONDS));
            assertEquals(0, server.probe().counters().wsSessions());
        }
    }

    private static WebSocket connect(TestServers.Client client, HarnessServer server, String path, Frames listener)
            throws Exception {
        URI uri = URI.create("ws://" + server.baseUri().getAuthority() + path);
        return client.http().newWebSocketBuilder().buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringWebSocketTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
