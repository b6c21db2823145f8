package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ThreadsSnapshot;

/**
 * Worker threads per open stream (experiments E3, E4): a blocking handler holds one thread per
 * stream and queues requests past maxThreads; an async handler holds none. Read in-process here;
 * {@link ControlConnectorTest} shows {@code /harness/stats} reads the same while the pool is exhausted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThreadOccupancyTest {

    @Test
    void blockingStreamsHoldOneThreadEachAndTheFifthRequestQueuesUntilOneEnds() throws Exception {
        List<SseConnection> streams = new ArrayList<>();
        try (HarnessServer server = startServer("--max-threads", "4", "--handler", "blocking",
                "--sse-heartbeat", "100")) {
            for (int i = 0; i < 4; i++) {
                SseConnection sse = SseConnection.open(server.baseUri(), "/sse");
                streams.add(sse);
                assertEquals("open", sse.next().comment());
            }
            assertTrue(TestServers.await(5_000, () -> server.probe().threads().busy() == 4),
                    "4 blocking streams hold 4 threads: " + server.probe().threads());
            assertEquals(ThreadsSnapshot.EXECUTOR_ACTIVE, server.probe().threads().busyMetric());

            try (RawConnection fifth = new RawConnection(server.baseUri())) {
                fifth.send("GET", "/poll");
                assertTrue(TestServers.await(5_000, () -> server.probe().threads().queueLength() == 1),
                        "the 5th request waits in the executor queue: " + server.probe().threads());
                assertTrue(fifth.silentFor(500), "and is not answered while the 4 streams hold every thread");
                assertEquals(1, server.probe().threads().queueLength());

                streams.remove(0).raw().abort(); // its handler fails on the next heartbeat and frees the thread
                assertEquals(200, fifth.readResponse().status(), "served once a stream ended");
                assertTrue(TestServers.await(5_000, () -> server.probe().threads().queueLength() == 0));
            }
        } finally {
            for (SseConnection sse : streams) {
                sse.close();
            }
        }
    }

    @Test
    void asyncStreamsHoldNoThreadsWhileAllReceiveMessages() throws Exception {
        int streams = 200;
        int messages = 5;
        try (TestServers.Client client = TestServers.httpClient();
             HarnessServer server = startServer("--max-threads", "10", "--handler", "async",
                     "--sample-interval", "10")) {
            AtomicInteger opened = new AtomicInteger();
            AtomicInteger received = new AtomicInteger();
            List<Flow.Subscription> subscriptions = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUri() + "/sse"))
                        .timeout(Duration.ofSeconds(60)).build();
                client.http().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                        new LineCounter(opened, received, subscriptions)));
            }
            assertTrue(TestServers.await(30_000, () -> opened.get() == streams),
                    "all streams open: " + opened.get());
            assertEquals(streams, server.probe().counters().asyncInFlight(Endpoint.SSE));
            server.probe().reset();

            for (int i = 0; i < messages; i++) {
                server.hub().publish(1);
                Thread.sleep(50);
            }
            assertTrue(TestServers.await(30_000, () -> received.get() == streams * messages),
                    "every stream received every message: " + received.get());

            ThreadsSnapshot threads = server.probe().threads();
            long sampledMax = server.probe().sampled().busyThreads().max();
            assertTrue(threads.busy() <= 1, "no thread is held by " + streams + " open streams: " + threads);
            assertTrue(sampledMax <= 2, "busy threads stayed at or near 0 while delivering (max " + sampledMax + ")");
            assertTrue(server.probe().sampled().samples() > 0);
            synchronized (subscriptions) {
                subscriptions.forEach(Flow.Subscription::cancel);
            }
        }
    }

    /** Counts stream starts (the ": open" comment) and message data lines, without a thread per stream. */
    private static final class LineCounter implements Flow.Subscriber<String> {
        private final AtomicInteger opened;
        private final AtomicInteger received;
        private final List<Flow.Subscription> subscriptions;

        LineCounter(AtomicInteger opened, AtomicInteger received, List<Flow.Subscription> subscriptions) {
            this.opened = opened;
            this.received = received;
            this.subscriptions = subscriptions;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            synchronized (subscriptions) {
                subscriptions.add(subscription);
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.equals(": open")) {
                opened.incrementAndGet();
            } else if (line.startsWith("data: ")) {
                received.incrementAndGet();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // cancelled at the end of the test
        }

        @Override
        public void onComplete() {
            // streams end with the server
        }
    }

    /** Starts the server under test: the servlet flavour here, {@code --api spring} in {@link SpringThreadOccupancyTest}. */
    HarnessServer startServer(String... flags) {
        return TestServers.start(flags);
    }
}
