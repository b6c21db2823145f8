package org.tomcatpush.harness.client.session;

import java.util.concurrent.atomic.AtomicInteger;

import io.netty.util.Timer;

import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.uri.Uri;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.scenario.Endpoints;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * What all sessions of a run share: the HTTP client, the one timer every session schedules on, the
 * scenario, the recorders, the endpoint URIs and the count of open sessions. Immutable apart from
 * that count; thread-safe.
 */
final class SessionContext {

    private final AsyncHttpClient client;
    private final Timer timer;
    private final Scenario scenario;
    private final RunRecorder recorder;
    private final Uri[] endpoints = new Uri[Transport.values().length];
    private final AtomicInteger openSessions = new AtomicInteger();

    SessionContext(AsyncHttpClient client, Timer timer, Scenario scenario, RunRecorder recorder) {
        this.client = client;
        this.timer = timer;
        this.scenario = scenario;
        this.recorder = recorder;
        Uri target = Uri.create(scenario.target().toString());
        String basePath = target.getPath() == null ? "" : target.getPath().replaceAll("/+$", "");
        Endpoints paths = scenario.endpoints();
        for (Transport t : Transport.values()) {
            if (!paths.paths().containsKey(t)) {
                continue; // a foreign application without this transport: the mix has none of it
            }
            String scheme = t == Transport.WS ? "ws" : "http";
            endpoints[t.ordinal()] = new Uri(scheme, null, target.getHost(), target.getExplicitPort(),
                    basePath + paths.path(t), null, null);
        }
    }

    AsyncHttpClient client() {
        return client;
    }

    Timer timer() {
        return timer;
    }

    Scenario scenario() {
        return scenario;
    }

    RunRecorder recorder() {
        return recorder;
    }

    /** Whether the target is a foreign application ({@code --endpoints}), not harness-server. */
    boolean foreign() {
        return scenario.endpoints().foreign();
    }

    /** The endpoint of {@code transport} without a query, e.g. {@code http://127.0.0.1:8080/sse}. */
    Uri endpoint(Transport transport) {
        return endpoints[transport.ordinal()];
    }

    /** Counts sessions as they connect and disconnect; see {@link LoadGenerator#openSessions()}. */
    AtomicInteger openSessions() {
        return openSessions;
    }
}
