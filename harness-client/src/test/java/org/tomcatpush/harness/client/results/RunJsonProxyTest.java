package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** run.json's {@code proxy}: only its kind for a direct run; every setting, and what the figures describe, through nginx. */
class RunJsonProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDirectRunRecordsOnlyThatItHadNoProxy() throws Exception {
        RunResult direct = ResultFixtures.result("sse", RunStatus.COMPLETED);
        assertEquals(JSON.readTree("{\"kind\": \"none\"}"), RunJson.toJson(direct).path("proxy"));
    }

    @Test
    void aProxiedRunRecordsTheProxyItsSettingsAndWhatTheConnectionFiguresDescribe() throws Exception {
        RunResult direct = ResultFixtures.result("sse", RunStatus.COMPLETED);
        RunSetup s = direct.setup();
        RunSetup setup = new RunSetup(s.name(), s.scenario(), s.settings(), s.serverConfig(), s.serverMode(),
                s.serverHeap(), s.serverPid(), s.sessionsPerTransport(), s.commandLine(), new ProxyInfo("nginx",
                        "1.22.1", 2_000, 0, "http://127.0.0.1:40001", "http://127.0.0.1:41234", 4242));
        RunResult proxied = new RunResult(direct.runId(), direct.status(), direct.failure(), setup,
                direct.environment(), direct.startedAt(), direct.endedAt(), direct.transports(), direct.all(),
                direct.finalServerStats(), direct.timeseries(), direct.serverSamples(), direct.statsFailures(),
                direct.thresholds(), direct.thresholdOutcomes(), direct.heldMemory());

        JsonNode expected = JSON.createObjectNode().put("kind", "nginx").put("version", "1.22.1")
                .put("readTimeoutMs", 2_000).put("upstreamKeepalive", 0).put("listen", "http://127.0.0.1:40001")
                .put("upstream", "http://127.0.0.1:41234").put("pid", 4242)
                .put("connectionAccounting", ProxyInfo.CONNECTION_ACCOUNTING_NOTE);
        assertEquals(expected.toString(), RunJson.toJson(proxied).path("proxy").toString());
    }
}
