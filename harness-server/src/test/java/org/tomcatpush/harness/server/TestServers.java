package org.tomcatpush.harness.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import org.tomcatpush.harness.server.config.ServerConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Starting servers for tests (ephemeral port, no background publishing) and small shared helpers. */
final class TestServers {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestServers() {
    }

    /** A server on an ephemeral loopback port, publishing only on demand, plus the flags given. */
    static HarnessServer start(String... flags) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--publish-rate", "0"));
        args.addAll(Arrays.asList(flags));
        return HarnessServer.start(ServerConfig.parse(args.toArray(String[]::new)));
    }

    /** As {@link #start}, with the push endpoints on Spring MVC ({@code --api spring}). */
    static HarnessServer startSpring(String... flags) {
        List<String> args = new ArrayList<>(Arrays.asList(flags));
        args.addAll(List.of("--api", "spring"));
        return start(args.toArray(String[]::new));
    }

    /**
     * A JDK HTTP client whose worker threads end with {@link #close()} (Java 17's HttpClient has no
     * close of its own; its selector thread ends once the client is unreachable).
     */
    record Client(HttpClient http, ExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    static Client httpClient() {
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-http-client");
            thread.setDaemon(true);
            return thread;
        });
        return new Client(HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build(),
                executor);
    }

    /** GET /harness/stats on the control connector over a fresh connection, as JSON. */
    static JsonNode stats(HarnessServer server) throws IOException {
        try (RawConnection c = new RawConnection(server.controlUri())) {
            RawConnection.Response r = c.exchange("GET", "/harness/stats", "Connection: close");
            if (r.status() != 200) {
                throw new IOException("stats answered " + r.status() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        }
    }

    static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Polls {@code condition} every 10 ms until it holds or {@code timeoutMs} passes. */
    static boolean await(long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
