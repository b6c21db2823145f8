package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the server's control endpoints ({@code /harness/stats}, {@code /harness/reset},
 * {@code /harness/gc}) on its
 * control connector, with the JDK HttpClient: a port and threads of their own on the server, so a
 * workload that holds every worker thread cannot starve these requests, and the workload's figures
 * never include them. Never uses a proxy. Thread-safe; blocking calls with a per-request time limit.
 */
public final class StatsClient {

    private final URI statsUri;
    private final URI seriesUri;
    private final URI resetUri;
    private final URI gcUri;
    private static final String CONTROL_TOKEN_HEADER = "X-Harness-Token";

    private final Duration requestTimeout;
    private final String controlToken;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param controlUri     the server's control connector, e.g. {@code http://127.0.0.1:41235}: the
     *                       {@code CONTROL} line of a server the harness started, or what
     *                       {@link ControlDiscovery} found for a running one
     * @param requestTimeout time limit of one request, and of a connect
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
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
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
        HttpResponse<String> response = http.send(request(resetUri).timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + resetUri + " answered " + response.statusCode());
        }
    }

    /**
     * {@code POST /harness/gc}: a full collection on the server, then its heap in use.
     * @throws IOException when the server does not answer 200 with JSON in time (an older server answers 404)
     */
    public HeapReading collectGarbage() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(gcUri).timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST " + gcUri + " answered " + response.statusCode());
        }
        return HeapReading.from(json.readTree(response.body()));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        return controlToken == null ? builder : builder.header(CONTROL_TOKEN_HEADER, controlToken);
    }

    private ServerStats get(URI uri, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered " + response.statusCode());
        }
        return ServerStats.from(json.readTree(response.body()));
    }
}
