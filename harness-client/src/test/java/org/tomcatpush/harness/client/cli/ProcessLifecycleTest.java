package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;

/**
 * {@code harness} as its own process, for what only a process can show: a run stopped by a
 * signal (as Ctrl-C stops it) still writes its folder and stops its server, and
 * {@code harness server} serves in the foreground until it is stopped.
 */
@Timeout(120)
class ProcessLifecycleTest {

    @TempDir
    Path out;

    @Test
    void aRunStoppedBySignalWritesAnInterruptedFolderAndStopsItsServer() throws Exception {
        Process harness = harness("run", "--out", out.toString(), "--transport", "ws", "--sessions", "3",
                "--ramp-up", "0", "--duration", "60s", "--publish-rate", "5");
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(harness.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null && !line.startsWith("[   5s/60s]")) {
                seen.append(line).append('\n'); // wait for the first progress line: the load is running
            }
            assertTrue(line != null, "the run ended before its first progress line: " + seen);
            harness.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertTrue(harness.waitFor(60, TimeUnit.SECONDS), "harness did not stop");
            assertEquals(130, harness.exitValue(), "interrupted, for SIGTERM as for Ctrl-C (not 128 + 15)");
        } finally {
            harness.destroyForcibly();
        }
        Path folder;
        try (Stream<Path> folders = Files.list(out)) {
            folder = folders.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("interrupted", json.path("status").asText());
        assertTrue(json.path("failure").asText().startsWith("stopped by a signal (Ctrl-C or SIGTERM) after "), json.toString());
        assertTrue(Files.readString(folder.resolve("summary.csv")).contains("interrupted"));
        long pid = json.path("server").path("pid").asLong();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "server " + pid + " still runs");
    }

    @Test
    void aClientKilledOutrightTakesItsServerWithItAndLeavesNoCompleteLookingFolder() throws Exception {
        Process harness = harness("run", "--out", out.toString(), "--transport", "sse", "--sessions", "3",
                "--ramp-up", "0", "--duration", "60s", "--publish-rate", "5");
        List<ProcessHandle> servers = List.of();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(harness.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null && !line.startsWith("[   5s/60s]")) {
                seen.append(line).append('\n'); // wait for the first progress line: the load is running
            }
            assertTrue(line != null, "the run ended before its first progress line: " + seen);
            servers = harness.toHandle().children().toList();
            assertEquals(1, servers.size(), "one server JVM: " + servers);
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs in the client
            assertTrue(harness.waitFor(30, TimeUnit.SECONDS), "the client did not die");

            ProcessHandle server = servers.get(0);
            boolean gone;
            try {
                server.onExit().get(15, TimeUnit.SECONDS);
                gone = true;
            } catch (java.util.concurrent.TimeoutException e) {
                gone = !server.isAlive();
            }
            assertTrue(gone, "server " + server.pid() + " outlived its killed client by 15 s");
        } finally {
            harness.destroyForcibly();
            servers.forEach(ProcessHandle::destroyForcibly);
        }
        try (Stream<Path> folders = Files.list(out)) {
            List<String> names = folders.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith(".") && names.get(0).endsWith(".partial"),
                    "only a hidden partial folder, never a complete-looking one: " + names);
        }
    }

    @Test
    void theServerCommandServesInTheForegroundUntilStopped() throws Exception {
        Process harness = harness("server", "--port", "0", "--max-threads", "7");
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(harness.getInputStream(),
                    StandardCharsets.UTF_8));
            String control = stdout.readLine();
            assertTrue(control != null && control.startsWith("CONTROL http://127.0.0.1:"), String.valueOf(control));
            String line = stdout.readLine();
            assertTrue(line != null && line.startsWith("LISTENING http://127.0.0.1:"), String.valueOf(line));
            URI stats = URI.create(control.substring("CONTROL ".length()) + "/harness/stats");
            HttpResponse<String> response = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()
                    .send(HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals(7, new ObjectMapper().readTree(response.body()).path("config").path("maxThreads").asInt());
            harness.destroy();
            assertTrue(harness.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
        } finally {
            harness.destroyForcibly();
        }
    }

    private static Process harness(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerLaunch.currentJava().toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), HarnessCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.PIPE).start();
    }
}
