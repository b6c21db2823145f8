package org.tomcatpush.harness.client.session;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.StatsReport;

/**
 * An in-process harness server on an ephemeral loopback port for tests. Its probe and its message
 * hub are read and driven in-process rather than over {@code /harness/*}, so a test can look at a
 * server whose worker threads are all taken (the point of the blocking-handler tests).
 */
final class TestServer implements AutoCloseable {

    private final HarnessServer server;

    private TestServer(HarnessServer server) {
        this.server = server;
    }

    /** Starts a server on 127.0.0.1, an ephemeral port, with the given extra flags. */
    static TestServer start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(flags));
        return new TestServer(HarnessServer.start(ServerConfig.parse(args.toArray(String[]::new))));
    }

    URI baseUri() {
        return server.baseUri();
    }

    /** The document {@code GET /harness/stats} would answer now. */
    JsonNode stats() {
        return StatsReport.render(server.probe(), false);
    }

    /** Zeroes the probe, as {@code POST /harness/reset} does. */
    void resetProbe() {
        server.probe().reset();
    }

    /** Publishes {@code count} messages now; returns the last sequence. */
    long publish(int count) {
        return server.hub().publish(count);
    }

    /** Stops the paced publisher for {@code stall} from its next message on (a test hook of the server). */
    void stallPublisher(Duration stall) {
        server.publisher().orElseThrow(() -> new IllegalStateException("no --publish-rate: nothing to stall"))
                .stallFor(stall);
    }

    /** The largest lag of a message behind its intended publish time since the last reset, microseconds. */
    long publisherLagMaxMicros() {
        return server.probe().publisherLag().maxMicros();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Waits until {@code condition} holds, checking every 20 ms; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
