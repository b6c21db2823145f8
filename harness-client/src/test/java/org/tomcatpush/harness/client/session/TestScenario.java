package org.tomcatpush.harness.client.session;

import java.net.URI;
import java.time.Duration;

import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;

/** Small scenarios for tests: one transport, no ramp-up, everything else set only when it matters. */
final class TestScenario {

    private final URI target;
    private final Transport transport;
    private final int sessions;
    private Duration pollInterval = Duration.ofMillis(100);
    private Duration reconnectDelay = Duration.ofMillis(50);
    private boolean browser;
    private int sessionsPerBrowser = 1;
    private int sourceAddresses = 1;
    private int serverMaxKeepAliveRequests = 100;
    private int pollsPerSession;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration requestTimeout;

    private TestScenario(URI target, Transport transport, int sessions) {
        this.target = target;
        this.transport = transport;
        this.sessions = sessions;
    }

    static TestScenario of(URI target, Transport transport, int sessions) {
        return new TestScenario(target, transport, sessions);
    }

    TestScenario pollInterval(Duration interval) {
        this.pollInterval = interval;
        return this;
    }

    TestScenario reconnectDelay(Duration delay) {
        this.reconnectDelay = delay;
        return this;
    }

    TestScenario browser(int sessionsPerBrowser) {
        this.browser = true;
        this.sessionsPerBrowser = sessionsPerBrowser;
        return this;
    }

    TestScenario sourceAddresses(int count) {
        this.sourceAddresses = count;
        return this;
    }

    TestScenario serverMaxKeepAliveRequests(int limit) {
        this.serverMaxKeepAliveRequests = limit;
        return this;
    }

    TestScenario pollsPerSession(int polls) {
        this.pollsPerSession = polls;
        return this;
    }

    TestScenario connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    TestScenario requestTimeout(Duration timeout) {
        this.requestTimeout = timeout;
        return this;
    }

    Scenario build() {
        return new Scenario(target, TransportMix.of(transport), sessions, Duration.ZERO, Duration.ofMinutes(1),
                pollInterval, browser, sessionsPerBrowser, reconnectDelay, sourceAddresses, connectTimeout,
                serverMaxKeepAliveRequests, pollsPerSession, requestTimeout, Scenario.DEFAULT_SERVER_LONG_POLL_HOLD);
    }
}
