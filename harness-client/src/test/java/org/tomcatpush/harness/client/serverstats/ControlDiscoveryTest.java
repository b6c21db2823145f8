package org.tomcatpush.harness.client.serverstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a {@code --target} serves {@code /harness/*}: a 308 from its workload port names the
 * control connector; a 200 means a server that serves its stats on the workload port itself.
 */
@Timeout(30)
class ControlDiscoveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aPermanentRedirectGivesTheControlConnector() throws Exception {
        try (FakeHarnessServer server = FakeHarnessServer.withControlConnector()) {
            assertNotEquals(server.baseUri(), server.controlUri());

            URI control = ControlDiscovery.discover(server.baseUri(), null, TIMEOUT);

            assertEquals(server.controlUri(), control);
            assertEquals(1, server.workloadRequests(), "one question, the redirect not followed");
            assertEquals(0, server.statsRequests());
        }
    }

    @Test
    void aServerThatAnswersStatsOnItsWorkloadPortKeepsTheTarget() throws Exception {
        try (FakeHarnessServer server = new FakeHarnessServer()) {
            assertEquals(server.baseUri(), ControlDiscovery.discover(server.baseUri(), null, TIMEOUT));
            assertEquals(1, server.statsRequests());
        }
    }

    @Test
    void anErrorStatusKeepsTheTargetSoTheFirstStatsRequestSaysWhatIsWrong() throws Exception {
        try (FakeHarnessServer server = new FakeHarnessServer()) {
            server.statsStatus(403);
            assertEquals(server.baseUri(), ControlDiscovery.discover(server.baseUri(), null, TIMEOUT));
        }
    }

    @Test
    void onlyTheSchemeHostAndPortOfTheLocationAreKept() throws Exception {
        try (FakeHarnessServer server = FakeHarnessServer.withControlConnector()) {
            server.redirectTo("http://[::1]:4321/harness/stats?token=x");
            assertEquals(URI.create("http://[::1]:4321"), ControlDiscovery.discover(server.baseUri(), null, TIMEOUT));
            server.redirectTo("/elsewhere/harness/stats");
            assertEquals(server.baseUri(), ControlDiscovery.discover(server.baseUri(), null, TIMEOUT),
                    "a relative Location stays on the target");
        }
    }

    @Test
    void aRedirectWithoutAUsableLocationIsAnIoError() throws Exception {
        try (FakeHarnessServer server = FakeHarnessServer.withControlConnector()) {
            server.redirectTo("ftp://127.0.0.1:21/harness/stats");
            IOException e = assertThrows(IOException.class,
                    () -> ControlDiscovery.discover(server.baseUri(), null, TIMEOUT));
            assertEquals("GET " + server.baseUri() + "/harness/stats answered 308 without a usable Location"
                    + " (ftp://127.0.0.1:21/harness/stats)", e.getMessage());
        }
    }

    @Test
    void aTargetThatDoesNotAnswerAtAllIsAnIoError() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThrows(IOException.class, () -> ControlDiscovery.discover(URI.create("http://127.0.0.1:" + port), null,
                TIMEOUT));
    }
}
