package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the server's control endpoints ({@code /harness/stats}, {@code /harness/reset},
 * {@code /harness/gc}) on its control connector: a port and threads of their own on the server,
 * so a workload that holds every worker thread cannot starve these requests, and the workload's
 * figures never include them. Never uses a proxy.
 *
 * <p>Each request is made on the calling thread with the JDK's {@link HttpURLConnection}, which
 * keeps the connection alive between requests. The run asks for the stats once a second, and on a
 * machine it shares with the server that request is the client's own cost: the JDK's asynchronous
 * {@code HttpClient} handed each one from the caller to its selector thread, then to a worker and
 * back, and its two threads and the caller's waits took about 0.9 µs of client CPU per delivered
 * SSE message at 5,000 sessions (docs/BENCHMARKS.md, "Client hot path, fifth pass").
 *
 * <p>Thread-safe; blocking calls, each connect and each read within the request's time limit. A
 * thread interrupted before it calls gets an {@link InterruptedException} and sends nothing; a
 * request under way is not interrupted (its time limit bounds it).
 */
public final class StatsClient {

    private static final String CONTROL_TOKEN_HEADER = "X-Harness-Token";

    private final URI statsUri;
    private final URI seriesUri;
    private final URI resetUri;
    private final URI gcUri;
    private final Duration requestTimeout;
    private final String controlToken;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param controlUri     the server's control connector, e.g. {@code http://127.0.0.1:41235}: the
     *                       {@code CONTROL} line of a server the harness started, or what
     *                       {@link ControlDiscovery} found for a running one
     * @param requestTimeout time limit of one request's connect and of each of its reads
     */
    public StatsClient(URI controlUri, Duration requestTimeout) {
        this(controlUri, requestTimeout, null);
    }

    /**
     * As above, for a server whose control endpoints need a token (a non-loopback bind, or
     * {@code --require-control-token}): it is sent in the {@code X-Harness-Token} header.
     *
     * @param controlToken the server's control token, or {@code null} for none
     */
    public StatsClient(URI controlUri, Duration requestTimeout, String controlToken) {
        this.controlToken = controlToken;
        String base = controlUri.toString().replaceAll("/+$", "");
        this.statsUri = URI.create(base + "/harness/stats");
        this.seriesUri = URI.create(base + "/harness/stats?series=true");
        this.resetUri = URI.create(base + "/harness/reset");
        this.gcUri = URI.create(base + "/harness/gc");
        this.requestTimeout = requestTimeout;
    }

    /** {@code GET /harness/stats}. @throws IOException when the server does not answer 200 with JSON in time */
    public ServerStats fetch() throws IOException, InterruptedException {
        return get(statsUri, requestTimeout);
    }

    /** {@code GET /harness/stats} with a time limit of its own (the per-second samples use a short one). */
    public ServerStats fetch(Duration timeout) throws IOException, InterruptedException {
        return get(statsUri, timeout);
    }

    /** {@code GET /harness/stats?series=true}: the stats with the sampled time series. */
    public ServerStats fetchWithSeries() throws IOException, InterruptedException {
        return get(seriesUri, requestTimeout);
    }

    /** {@code POST /harness/reset}: zeroes the server's counters, histograms and series. */
    public void reset() throws IOException, InterruptedException {
        Answer answer = exchange("POST", resetUri, requestTimeout);
        if (answer.status() / 100 != 2) {
            throw new IOException("POST " + resetUri + " answered " + answer.status());
        }
    }

    /**
     * {@code POST /harness/gc}: a full collection on the server, then its heap in use.
     * @throws IOException when the server does not answer 200 with JSON in time (an older server answers 404)
     */
    public HeapReading collectGarbage() throws IOException, InterruptedException {
        Answer answer = exchange("POST", gcUri, requestTimeout);
        if (answer.status() != 200) {
            throw new IOException("POST " + gcUri + " answered " + answer.status());
        }
        return HeapReading.from(json.readTree(answer.body()));
    }

    private ServerStats get(URI uri, Duration timeout) throws IOException, InterruptedException {
        Answer answer = exchange("GET", uri, timeout);
        if (answer.status() != 200) {
            throw new IOException("GET " + uri + " answered " + answer.status());
        }
        return ServerStats.from(json.readTree(answer.body()));
    }

    /**
     * One request, its answer read to the end (which hands the connection back for the next
     * request). A POST sends an empty body.
     */
    private Answer exchange(String method, URI uri, Duration timeout) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException(method + " " + uri + " not sent: the thread was interrupted");
        }
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        int timeoutMs = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setConnectTimeout(timeoutMs);
        connection.setReadTimeout(timeoutMs);
        connection.setUseCaches(false);
        connection.setInstanceFollowRedirects(false);
        connection.setRequestMethod(method);
        if (controlToken != null) {
            connection.setRequestProperty(CONTROL_TOKEN_HEADER, controlToken);
        }
        if (method.equals("POST")) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(0);
        }
        int status = connection.getResponseCode();
        InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
        if (body == null) {
            return new Answer(status, new byte[0]);
        }
        try (body) {
            return new Answer(status, body.readAllBytes());
        }
    }

    private record Answer(int status, byte[] body) {
    }
}
