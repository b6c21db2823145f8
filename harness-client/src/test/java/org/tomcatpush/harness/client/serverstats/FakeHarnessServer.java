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
 * A stand-in for harness-server's control endpoints on 127.0.0.1 (ephemeral ports): answers
 * {@code GET /harness/stats} with the document of docs/PROTOCOL.md (or one the test supplies),
 * counts {@code POST /harness/reset}. For tests of the client's stats, run and results code.
 * {@link #withControlConnector()} stands in for harness-server as it is: the control endpoints on
 * a control port of their own ({@link #controlUri()}), while the workload port ({@link #baseUri()})
 * answers {@code /harness/*} with a 308 there. {@link #FakeHarnessServer()} stands in for an
 * older server that serves them on its one port.
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
              },
              "serverCloses": {
                "keepAliveLimit": 10, "closingResponse": 0, "streamEnd": 0, "slowConsumer": 0,
                "writeFailure": 0, "error": 0, "total": 10
              }%s
            }
            """;

    private static final String SERIES = """
            ,
              "series": [ { "t": %d, "busy": 1, "queue": 0, "connections": 11,
                            "asyncInFlight": 9, "wsSessions": 2 } ]""";

    private final HttpServer server;
    private final HttpServer workload;
    private final AtomicInteger workloadRequests = new AtomicInteger();
    private volatile String redirectLocation;
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger statsRequests = new AtomicInteger();
    private volatile Supplier<String> statsBody = () -> PROTOCOL_EXAMPLE;
    private volatile int statsStatus = 200;
    private volatile long resetAtEpochMs = System.currentTimeMillis();

    /** One port that serves the control endpoints itself, as servers before the control connector did. */
    public FakeHarnessServer() throws IOException {
        this(false);
    }

    /** A control port, and a workload port that redirects {@code /harness/*} to it, as harness-server does. */
    public static FakeHarnessServer withControlConnector() throws IOException {
        return new FakeHarnessServer(true);
    }

    private FakeHarnessServer(boolean controlConnector) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/harness/stats", this::stats);
        server.createContext("/harness/reset", exchange -> {
            resets.incrementAndGet();
            resetAtEpochMs = System.currentTimeMillis();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        if (controlConnector) {
            workload = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            workload.createContext("/harness/", this::redirect);
            workload.start();
        } else {
            workload = null;
        }
    }

    /** The workload port ({@code --target}). */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + (workload != null ? workload : server).getAddress().getPort());
    }

    /** Where the control endpoints are served. */
    public URI controlUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The workload port redirects to {@code location} from now on instead of to {@link #controlUri()}. */
    public void redirectTo(String location) {
        this.redirectLocation = location;
    }

    /** Requests the workload port answered (its redirects). */
    public int workloadRequests() {
        return workloadRequests.get();
    }

    /** Answers stats with {@code body} from now on ({@code ?series=true} is ignored). */
    public void statsBody(Supplier<String> body) {
        this.statsBody = body;
    }

    public void statsStatus(int status) {
        this.statsStatus = status;
    }

    /** When its one sample was taken: a second after the last reset, inside the window of any run of 2 s or more. */
    public long sampleEpochMs() {
        return resetAtEpochMs + 1000;
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
        if (workload != null) {
            workload.stop(0);
        }
    }

    private void redirect(HttpExchange exchange) throws IOException {
        workloadRequests.incrementAndGet();
        String location = redirectLocation;
        if (location == null) {
            location = controlUri() + exchange.getRequestURI().toString();
        }
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.sendResponseHeaders(308, -1);
        exchange.close();
    }

    private void stats(HttpExchange exchange) throws IOException {
        statsRequests.incrementAndGet();
        boolean series = "series=true".equals(exchange.getRequestURI().getRawQuery());
        Supplier<String> body = statsBody;
        String text = body != null ? body.get() : "";
        if (series && text.contains("%s")) {
            text = String.format(text, String.format(SERIES, sampleEpochMs()));
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
