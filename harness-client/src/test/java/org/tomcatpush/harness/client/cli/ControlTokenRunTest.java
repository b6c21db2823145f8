package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerProcess;

/**
 * {@code harness run} against a server whose control endpoints need a token: a server the run
 * starts hands its token over on its start-up line; a {@code --target} needs {@code --control-token}.
 * The servers are forced into token mode on loopback, so nothing leaves this machine.
 */
@Timeout(120)
class ControlTokenRunTest {

    @TempDir
    Path out;

    @Test
    void aTargetThatNeedsATokenIsDrivenWithControlTokenAndRefusedWithout() throws Exception {
        ServerProcess server = ServerProcess.start(ServerLaunch.of(ServerLaunch.currentJava(), "256m",
                List.of("--port", "0", "--publish-rate", "5", "--require-control-token"), Duration.ofSeconds(30)));
        try {
            String token = server.controlToken();
            assertNotNull(token, "the server printed CONTROL-TOKEN before LISTENING");
            assertTrue(token.matches("[0-9a-f]{32}"), token);

            CliRun refused = CliRun.of(List.of("run", "--out", out.resolve("without").toString(), "--target",
                    server.baseUri().toString(), "--transport", "sse", "--sessions", "2", "--duration", "2s"));
            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("/harness/stats answered 403"), refused.err());

            CliRun served = CliRun.of(List.of("run", "--out", out.resolve("with").toString(), "--target",
                    server.baseUri().toString(), "--control-token", token, "--transport", "sse", "--sessions", "2",
                    "--ramp-up", "0", "--duration", "2s"));
            assertEquals(0, served.exit(), served.err());
            assertEquals("completed", new ObjectMapper().readTree(BackgroundRun.onlyFolder(out.resolve("with"))
                    .resolve("run.json").toFile()).path("status").asText());
        } finally {
            server.close();
        }
    }

    @Test
    void aStartedServerOnAWildcardBindHandsItsTokenToTheRun() throws Exception {
        // 0.0.0.0 is not loopback, so the server guards /harness/*; the run still reaches it over 127.0.0.1
        CliRun run = CliRun.of(List.of("run", "--out", out.toString(), "--host", "0.0.0.0", "--transport", "sse",
                "--sessions", "2", "--ramp-up", "0", "--duration", "2s"));

        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(BackgroundRun.onlyFolder(out)
                .resolve("run.json").toFile());
        assertEquals("completed", json.path("status").asText());
        assertEquals(0, json.path("statsFailures").asLong(), "every stats request carried the token");
    }

    @Test
    void aLoopbackServerPrintsNoToken() throws Exception {
        ServerProcess server = ServerProcess.start(ServerLaunch.of(ServerLaunch.currentJava(), "256m",
                List.of("--port", "0", "--publish-rate", "0"), Duration.ofSeconds(30)));
        try {
            assertNull(server.controlToken());
        } finally {
            server.close();
        }
    }

    @Test
    void controlTokenWithoutTargetIsBadInput() {
        CliRun run = CliRun.of(List.of("run", "--out", out.resolve("runs").toString(), "--control-token", "ab"));
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --control-token is the token of a --target server; a server that run starts"
                + " gives its own: drop --control-token, or add --target"), run.errLines());
    }
}
