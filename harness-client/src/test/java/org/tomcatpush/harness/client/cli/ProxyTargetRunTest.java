package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.cli.RunEndToEndTest.csv;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerProcess;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.client.serverstats.StatsClient;

/**
 * {@code harness run --proxy nginx --target URL}: nginx is put in front of a server the run did
 * not start. The sessions go through nginx, {@code /harness/*} still goes to the target, the
 * server's ledger agrees with the client, and when the run ends nginx is gone while the target
 * keeps running: the run stops only what it started. Skipped where nginx is not installed.
 */
@Timeout(180)
class ProxyTargetRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @Test
    void aTargetBehindTheRunsNginxIsCountedExactlyAndLeftRunning() throws Exception {
        ProxyRunTest.requireNginx();
        try (ServerProcess server = ServerProcess.start(ServerLaunch.of(ServerLaunch.currentJava(), "256m",
                List.of("--port", "0", "--publish-rate", "5"), Duration.ofSeconds(30)))) {
            CliRun run = CliRun.run(out, "--proxy", "nginx", "--target", server.baseUri().toString(),
                    "--transport", "short-poll", "--sessions", "3", "--ramp-up", "0", "--duration", "3s",
                    "--poll-interval", "250ms");

            assertEquals(0, run.exit(), run.out() + run.err());
            Path folder = BackgroundRun.onlyFolder(out);
            CSVRecord row = csv(folder.resolve("summary.csv")).get(0);
            JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
            JsonNode proxy = json.path("proxy");
            assertEquals("nginx", proxy.path("kind").asText());
            String listen = proxy.path("listen").asText();
            assertEquals(listen, json.path("scenario").path("target").asText(), "the sessions went to nginx");
            assertNotEquals(server.baseUri().toString(), listen);
            assertEquals(server.baseUri().getPort(), URI.create(proxy.path("upstream").asText()).getPort(),
                    "nginx forwards to the target: " + proxy);

            assertEquals("3", row.get("sessions_opened"), row.toMap().toString());
            assertEquals("0", row.get("messages_lost"), row.toMap().toString());
            // the server's ledger, read by the test after the run, holds exactly the requests nginx forwarded
            ServerStats ledger = new StatsClient(server.controlUri(), Duration.ofSeconds(10)).fetch();
            assertEquals(Long.toString(ledger.requestsTotal()), row.get("server_requests"), row.toMap().toString());
            assertEquals(row.get("requests"), row.get("server_requests"), row.toMap().toString());
            assertEquals("0", row.get("client_minus_server_requests"), row.toMap().toString());

            long nginx = proxy.path("pid").asLong();
            assertTrue(nginx > 0, proxy.toString());
            Optional<ProcessHandle> left = ProcessHandle.of(nginx);
            assertTrue(left.isEmpty() || BackgroundRun.awaitGone(left.get(), Duration.ofSeconds(15)),
                    "nginx " + nginx + " still runs");
            assertTrue(server.isAlive(), "the target the run did not start keeps running");
        }
    }
}
