package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for harness-server's control endpoints on 127.0.0.1 (ephemeral port): answers
 * {@code GET /harness/stats} with the document of docs/PROTOCOL.md (or one the test supplies),
 * counts {@code POST /harness/reset}. For tests of the client's stats, run and results code.
 */
public final class FakeHarnessServer implements AutoCloseable {

    /** The example document of docs/PROTOCOL.md. */
    public static final String PROTOCOL_EXAMPLE = """
            {
              "timeMillis": 1764091234567,
              "uptimeMillis": 5234,
              "config": { "protocol": "nio", "maxThreads": 200, "minSpareThreads": 10, "maxConnections": 8192,
                          "acceptCount": 100, "connectionTimeoutMs": 60000, "keepAliveTimeoutMs": null,
                          "maxKeepAliveRequests": 100, "handler": "async", "publishRate": 1.0,
                          "payloadBytes": 64, "sseTimeoutMs": 0, "virtualThreads": false },
              "tomcatVersion": "11.0.27",
              "threads": {
                "busy": 3, "busyMetric": "executor-active",
                "poolSize": 10, "queueLength": 0, "maxThreads": 200, "virtual": false
              },
              "handlersInProgress": 3,
              "connections": { "count": 12, "pollerSockets": 11, "maxConnections": 8192 },
              "asyncInFlight": { "poll": 0, "longpoll": 4, "sse": 5 },
              "wsSessions": 2,
              "requests": { "total": 120, "poll": 100, "longpoll": 10, "sse": 8, "ws": 2, "other": 0 },
              "bytesWritten": { "poll": 1234, "longpoll": 0, "sse": 0, "ws": 0, "total": 1234 },
              "messagesPublished": 45,
              "lastSeq": 45,
              "publisher": { "lagP50Ms": 0.05, "lagP99Ms": 1.25, "lagMaxMs": 512.3, "published": 45 },
              "sampled": {
                "intervalMillis": 100, "samples": 52,
                "busyThreads":  { "mean": 1.2, "p50": 1, "p99": 4, "max": 4 },
                "queueLength":  { "mean": 0, "p50": 0, "p99": 0, "max": 0 },
                "connections":  { "mean": 10.5, "p50": 11, "p99": 12, "max": 12 }
              },
              "perConnection": {
                "connectionsSeen": 12, "requests": 120,
                "requestsPerConnectionMean": 10.0, "requestsPerConnectionMax": 10,
                "closedAtKeepAliveLimit": 10, "closedOther": 0
              }%s
            }
            """;

    private static final String SERIES = """
            ,
              "series": [ { "t": 1764091234467, "busy": 1, "queue": 0, "connections": 11,
                            "asyncInFlight": 9, "wsSessions": 2 } ]""";

    private final HttpServer server;
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger statsRequests = new AtomicInteger();
    private volatile Supplier<String> statsBody = () -> PROTOCOL_EXAMPLE;
    private volatile int statsStatus = 200;

    public FakeHarnessServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/harness/stats", this::stats);
        server.createContext("/harness/reset", exchange -> {
            resets.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers stats with {@code body} from now on ({@code ?series=true} is ignored). */
    public void statsBody(Supplier<String> body) {
        this.statsBody = body;
    }

    public void statsStatus(int status) {
        this.statsStatus = status;
    }

    public int resets() {
        return resets.get();
    }

    public int statsRequests() {
        return statsRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void stats(HttpExchange exchange) throws IOException {
        statsRequests.incrementAndGet();
        boolean series = "series=true".equals(exchange.getRequestURI().getRawQuery());
        Supplier<String> body = statsBody;
        String text = body != null ? body.get() : "";
        if (series && text.contains("%s")) {
            text = String.format(text, SERIES);
        } else if (text.contains("%s")) {
            text = String.format(text, "");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(statsStatus, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
