package org.tomcatpush.harness.client.serverstats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Finds where a running server ({@code --target}) serves {@code /harness/*}, once, before a run's
 * load starts: {@code GET TARGET/harness/stats}, redirects not followed. A harness-server answers
 * {@code 308 Permanent Redirect} from its workload port, and the scheme, host and port of the
 * {@code Location} are its control connector. Any other answer (a 200 from an older or other server
 * that serves its stats on the workload port, or an error status) keeps the target itself, so that
 * the run's first stats request reports what is wrong. Stateless; blocking.
 *
 * <pre>
 * URI control = ControlDiscovery.discover(URI.create("http://127.0.0.1:8080"), null, Duration.ofSeconds(30));
 * StatsClient stats = new StatsClient(control, Duration.ofSeconds(5));
 * </pre>
 */
public final class ControlDiscovery {

    private static final String CONTROL_TOKEN_HEADER = "X-Harness-Token";
    private static final int PERMANENT_REDIRECT = 308;

    private ControlDiscovery() {
    }

    /**
     * The control base URI ({@code http://HOST:PORT}) of the server at {@code target}.
     *
     * @param controlToken sent in {@code X-Harness-Token} when not {@code null} (an older server
     *                     guards its stats on the workload port)
     * @param timeout      time limit of the connect and of the answer
     * @throws IOException when the target does not answer at all, or redirects to an unusable address
     */
    public static URI discover(URI target, String controlToken, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        URI stats = URI.create(target.toString().replaceAll("/+$", "") + "/harness/stats");
        HttpRequest.Builder request = HttpRequest.newBuilder(stats).timeout(timeout).GET();
        if (controlToken != null) {
            request.header(CONTROL_TOKEN_HEADER, controlToken);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != PERMANENT_REDIRECT) {
            return target;
        }
        String location = response.headers().firstValue("Location").orElse(null);
        return controlBase(stats, location);
    }

    /** The scheme, host and port of {@code location} (resolved against {@code request}). */
    static URI controlBase(URI request, String location) throws IOException {
        URI resolved;
        try {
            resolved = location == null ? null : request.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            resolved = null;
        }
        if (resolved == null || resolved.getHost() == null
                || !("http".equalsIgnoreCase(resolved.getScheme()) || "https".equalsIgnoreCase(resolved.getScheme()))) {
            throw new IOException("GET " + request + " answered 308 without a usable Location (" + location + ")");
        }
        String scheme = resolved.getScheme().toLowerCase(Locale.ROOT);
        int port = resolved.getPort() != -1 ? resolved.getPort() : scheme.equals("https") ? 443 : 80;
        // getHost keeps an IPv6 literal's brackets
        return URI.create(scheme + "://" + resolved.getHost() + ":" + port);
    }
}
