package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The summary columns E10 and E11 read: {@code proxy}, {@code proxy_read_timeout_ms} and
 * {@code sse_heartbeat_ms} from the run's setup, and the handler a running server reports, spelt
 * as on the command line.
 */
class ProxyHeartbeatColumnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunResult withSetup(ObjectNode serverConfig, ProxyInfo proxy) throws Exception {
        RunResult r = ResultFixtures.result("sse", RunStatus.COMPLETED);
        RunSetup s = r.setup();
        RunSetup setup = new RunSetup(s.name(), s.scenario(), s.settings(), serverConfig, s.serverMode(),
                s.serverHeap(), s.serverPid(), s.sessionsPerTransport(), s.commandLine(), proxy);
        return new RunResult(r.runId(), r.status(), r.failure(), setup, r.environment(), r.startedAt(), r.endedAt(),
                r.transports(), r.all(), r.finalServerStats(), r.timeseries(), r.serverSamples(), r.statsFailures(),
                r.thresholds(), r.thresholdOutcomes(), r.heldMemory());
    }

    @Test
    void aProxiedRunRecordsItsProxyReadTimeoutAndHeartbeatInEveryRow() throws Exception {
        ProxyInfo nginx = new ProxyInfo("nginx", "1.22.1", 2_000, 0, "http://127.0.0.1:40001",
                "http://127.0.0.1:41234", 4242);
        RunResult proxied = withSetup(JSON.createObjectNode().put("sseHeartbeatMs", 1_000), nginx);

        for (Map<String, String> row : SummaryCsv.cells(proxied)) {
            assertEquals("nginx", row.get("proxy"));
            assertEquals("2000", row.get("proxy_read_timeout_ms"));
            assertEquals("1000", row.get("sse_heartbeat_ms"));
        }
    }

    @Test
    void aDirectRunHasNoReadTimeoutAndAServerThatDidNotSayHasNoHeartbeat() throws Exception {
        RunResult direct = withSetup(JSON.createObjectNode(), ProxyInfo.NONE);

        Map<String, String> row = SummaryCsv.cells(direct).get(0);
        assertEquals("none", row.get("proxy"));
        assertEquals("", row.get("proxy_read_timeout_ms"));
        assertEquals("", row.get("sse_heartbeat_ms"));
    }

    @Test
    void aRunningServerReportingAsyncContainerIsKeyedByTheCliName() {
        ObjectNode config = JSON.createObjectNode().put("handler", "ASYNC_CONTAINER");

        assertEquals("async-container", ServerSettings.from(config).handler());
    }
}
