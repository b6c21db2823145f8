package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.probe.ControlAccess;

/**
 * The control token: which bind addresses need one (decided on the text of {@code --host} alone),
 * and how a guarded server answers. The guard is forced on a loopback-bound server, so no
 * traffic ever leaves this machine.
 */
@Timeout(60)
class ControlTokenTest {

    private HarnessServer server;
    private ControlAccess access;
    private TestServers.Client client;

    @BeforeEach
    void start() {
        access = ControlAccess.withRandomToken();
        server = HarnessServer.start(ServerConfig.parse(new String[] {"--port", "0", "--publish-rate", "0"}), access);
        client = TestServers.httpClient();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{0} needs a token: {1}")
    @CsvSource({"127.0.0.1, false", "127.1.2.3, false", "localhost, false", "::1, false", "[::1], false",
            "LOCALHOST, false", "0.0.0.0, true", "::, true", "192.168.1.10, true", "10.0.0.1, true",
            "example.org, true", "127.0.0.256, true", "127.0.0, true", "128.0.0.1, true"})
    void onlyANonLoopbackBindNeedsAToken(String host, boolean needed) {
        assertEquals(needed, ControlAccess.needsToken(host));
    }

    @Test
    void theTokenIs32HexDigitsAndFreshPerServer() {
        assertTrue(access.token().matches("[0-9a-f]{32}"), access.token());
        assertFalse(access.token().equals(ControlAccess.withRandomToken().token()));
    }

    @Test
    void controlRequestsWithoutTheTokenAre403() throws Exception {
        HttpResponse<String> stats = send(get("/harness/stats").build());
        assertEquals(403, stats.statusCode());
        assertTrue(stats.body().contains("X-Harness-Token"), stats.body());
        assertEquals(403, send(request("/harness/reset").POST(HttpRequest.BodyPublishers.noBody()).build())
                .statusCode());
        assertEquals(403, send(get("/harness/stats").header(ControlAccess.HEADER, "0".repeat(32)).build())
                .statusCode(), "a wrong token");
    }

    @Test
    void controlRequestsWithTheTokenInTheHeaderOrQueryAreServed() throws Exception {
        assertEquals(200, send(get("/harness/stats").header(ControlAccess.HEADER, access.token()).build())
                .statusCode());
        assertEquals(200, send(get("/harness/stats?token=" + access.token()).build()).statusCode());
        int reset = send(request("/harness/reset").header(ControlAccess.HEADER, access.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        assertTrue(reset >= 200 && reset < 300, "reset served: " + reset);
    }

    @Test
    void thePushEndpointsNeedNoToken() throws Exception {
        assertEquals(200, send(get("/poll?since=0").build()).statusCode());
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        URI base = path.startsWith("/harness/") ? server.controlUri() : server.baseUri();
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.http().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
