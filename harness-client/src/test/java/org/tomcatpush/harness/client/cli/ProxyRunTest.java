package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tomcatpush.harness.client.cli.RunEndToEndTest.csv;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tomcatpush.harness.client.launch.NginxConfig;
import org.tomcatpush.harness.client.launch.NginxProxy;
import org.tomcatpush.harness.client.launch.ProxySettings;
import org.tomcatpush.harness.client.launch.ServerLaunch;

/**
 * {@code harness run --proxy nginx}: every transport works through a real nginx, whose config is
 * written into the run folder and which is gone when the run ends, whichever way it ends (normal
 * end, a failed run, SIGTERM, the client killed outright); nginx's read timeout cuts a silent SSE
 * stream and heartbeats keep it whole; without nginx the run is refused before anything starts.
 * The tests that need nginx are skipped where it is not installed ({@code .ci/run} installs it).
 */
@Timeout(180)
class ProxyRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"short-poll", "long-poll", "sse", "ws"})
    void everyTransportGoesThroughNginxWithNothingLostAndEveryRequestReachingTheServer(String transport)
            throws Exception {
        requireNginx();
        CliRun run = CliRun.run(out, "--proxy", "nginx", "--transport", transport, "--sessions", "4",
                "--ramp-up", "0", "--duration", "4s", "--publish-rate", "5", "--poll-interval", "250ms");

        assertEquals(0, run.exit(), run.out() + run.err());
        Path folder = BackgroundRun.onlyFolder(out);
        CSVRecord row = csv(folder.resolve("summary.csv")).get(0);
        assertEquals("completed", row.get("status"));
        assertEquals("4", row.get("sessions_opened"), row.toMap().toString());
        assertTrue(Long.parseLong(row.get("messages_received")) >= 4 * 10, "about 4 s x 5 messages/s each: " + row.toMap());
        assertEquals("0", row.get("messages_lost"), row.toMap().toString());
        assertEquals("0", row.get("messages_duplicated"), row.toMap().toString());
        assertEquals("0", row.get("reconnects"), row.toMap().toString());
        // nginx forwards every request it is sent, on its kept-alive upstream connections, and sends none of its own
        assertEquals(row.get("requests"), row.get("server_requests"), row.toMap().toString());
        assertEquals("0", row.get("client_minus_server_requests"), row.toMap().toString());

        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        JsonNode proxy = json.path("proxy");
        assertEquals("nginx", proxy.path("kind").asText());
        assertEquals(NginxProxy.version(ProxySettings.DEFAULT_BINARY), proxy.path("version").asText());
        assertTrue(proxy.path("version").asText().matches("\\d+\\.\\d+\\.\\d+"), proxy.toString());
        assertEquals(60_000, proxy.path("readTimeoutMs").asLong(), "nginx's own default");
        assertEquals(ProxySettings.DEFAULT_UPSTREAM_KEEPALIVE, proxy.path("upstreamKeepalive").asInt());
        assertTrue(proxy.path("connectionAccounting").asText().contains("client-proxy hop"), proxy.toString());
        String listen = proxy.path("listen").asText();
        assertTrue(listen.startsWith("http://127.0.0.1:"), listen);
        assertEquals(listen, json.path("scenario").path("target").asText(), "the sessions went to the proxy");
        assertFalse(listen.equals(proxy.path("upstream").asText()), proxy.toString());

        String config = Files.readString(folder.resolve(NginxConfig.FILE_NAME));
        assertTrue(config.contains("listen " + listen.substring("http://".length()) + ";"), config);
        assertTrue(config.contains("server " + proxy.path("upstream").asText().substring("http://".length()) + ";"),
                config);
        assertFalse(Files.exists(folder.resolve(NginxConfig.PID_FILE)), "nginx removed its pid file as it stopped");
        assertFalse(Files.exists(folder.resolve(NginxConfig.TEMP_DIR)), "its temporary files are removed");
        assertTrue(Files.size(folder.resolve(NginxConfig.ACCESS_LOG)) > 0, "its access log is in the run folder");
        assertGone(proxy.path("pid").asLong(), "nginx");
        assertGone(json.path("server").path("pid").asLong(), "the server");

        assertTrue(run.out().contains("proxy: nginx " + proxy.path("version").asText() + " at " + listen + ": "
                + "through the proxy, the client's connection accounting"), run.out());
        assertTrue(Files.readString(folder.resolve("report.html")).contains("the sessions went through nginx"),
                "the report's findings say what the connection figures describe");
    }

    @Test
    void withoutUpstreamKeepAliveNginxOpensAServerConnectionPerRequest() throws Exception {
        requireNginx();
        CliRun run = CliRun.run(out, "--proxy", "nginx", "--proxy-upstream-keepalive", "0", "--transport",
                "short-poll", "--sessions", "3", "--ramp-up", "0", "--duration", "3s", "--poll-interval", "250ms");

        assertEquals(0, run.exit(), run.out() + run.err());
        Path folder = BackgroundRun.onlyFolder(out);
        CSVRecord row = csv(folder.resolve("summary.csv")).get(0);
        assertEquals(row.get("requests"), row.get("server_requests"), row.toMap().toString());
        assertEquals(row.get("server_requests"), row.get("server_connections_seen"), "one connection per request: "
                + row.toMap());
        assertEquals("3", row.get("connections_opened"), "while the client keeps its 3 to nginx: " + row.toMap());
        assertFalse(Files.readString(folder.resolve(NginxConfig.FILE_NAME)).contains("keepalive "));
        assertEquals(0, JSON.readTree(folder.resolve("run.json").toFile()).path("proxy").path("upstreamKeepalive")
                .asInt(-1));
    }

    @Test
    void aReadTimeoutShorterThanASilentStreamCutsItIntoReconnects() throws Exception {
        // no messages and no heartbeats: the stream is silent, nginx cuts it after 2 s, the session reconnects
        CSVRecord row = sseThroughProxy("2s", "0");
        assertTrue(Long.parseLong(row.get("reconnects")) >= 3, "each of the 3 streams is cut at least once: "
                + row.toMap());
        assertEquals(row.get("reconnects"), row.get("reconnects_connection_lost"),
                "nginx closes the connection under the stream: " + row.toMap());
        assertEquals(row.get("requests"), row.get("server_requests"), "every reconnect reaches the server");
    }

    @Test
    void aReadTimeoutLongerThanTheRunLeavesASilentStreamWhole() throws Exception {
        CSVRecord row = sseThroughProxy("8s", "0");
        assertEquals("0", row.get("reconnects"), row.toMap().toString());
        assertEquals("3", row.get("requests"), "one stream request per session");
    }

    @Test
    void heartbeatsShorterThanTheReadTimeoutKeepTheStreamWhole() throws Exception {
        CSVRecord row = sseThroughProxy("2s", "500");
        assertEquals("0", row.get("reconnects"), row.toMap().toString());
        assertEquals("3", row.get("requests"), "one stream request per session");
    }

    @Test
    void withoutNginxTheRunIsRefusedWithTheInstallCommandBeforeAnythingStarts() {
        Path missing = out.resolve("no-nginx-here");
        CliRun run = CliRun.run(out.resolve("runs"), "--proxy", "nginx", "--proxy-binary", missing.toString(),
                "--transport", "sse", "--sessions", "1", "--duration", "2s");

        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("harness: --proxy nginx needs nginx, which is not installed (no executable " + missing
                + "): install it with 'apt-get install -y nginx', or give its path with --proxy-binary"),
                run.errLines());
        assertFalse(Files.exists(out.resolve("runs")), "nothing written");
        assertTrue(BackgroundRun.childServers().isEmpty(), "no server started");
    }

    @Test
    void aProxyThatDoesNotStartFailsTheRunAndStopsTheServer() throws Exception {
        Path fake = Files.writeString(out.resolve("fake-nginx"), "#!/bin/sh\n"
                + "case \"$1\" in -v) echo 'nginx version: nginx/0.0.1' >&2; exit 0;; esac\n"
                + "echo 'nginx: [emerg] cannot load the test config' >&2\nexit 3\n");
        fake.toFile().setExecutable(true);
        Path runs = out.resolve("runs");
        CliRun run = CliRun.run(runs, "--proxy", "nginx", "--proxy-binary", fake.toString(), "--transport", "sse",
                "--sessions", "1", "--duration", "2s");

        assertEquals(1, run.exit(), run.err());
        Path folder = BackgroundRun.onlyFolder(runs);
        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertEquals("the proxy did not start: nginx exited with status 3 before listening: nginx: [emerg] cannot"
                + " load the test config", json.path("failure").asText());
        assertTrue(Files.exists(folder.resolve(NginxConfig.FILE_NAME)), "its config is there to read");
        assertGone(json.path("server").path("pid").asLong(), "the server");
    }

    @Test
    void aRunWhoseServerDiesStopsNginxToo() throws Exception {
        requireNginx();
        Path folder;
        try (BackgroundRun background = BackgroundRun.start("--out", out.toString(), "--proxy", "nginx",
                "--transport", "sse", "--sessions", "2", "--ramp-up", "0", "--duration", "60s")) {
            ProcessHandle server = background.awaitServer(out, Duration.ofSeconds(60));
            long nginx = awaitNginxPid(out, Duration.ofSeconds(30));
            awaitInRunFolder(out, "latency.hlog", Duration.ofSeconds(30)); // opened just before the load starts
            BackgroundRun.signal(server, "KILL");
            CliRun run = background.await(Duration.ofSeconds(90));
            assertEquals(1, run.exit(), run.err());
            assertGone(nginx, "nginx");
            folder = BackgroundRun.onlyFolder(out);
        }
        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        assertTrue(json.path("failure").asText().startsWith("the server process exited"), json.toString());
    }

    @Test
    void aRunStoppedBySignalStopsNginx() throws Exception {
        requireNginx();
        Process harness = harness("--transport", "ws", "--duration", "60s");
        long nginx;
        try {
            awaitFirstProgressLine(harness);
            nginx = awaitNginxPid(out, Duration.ofSeconds(10));
            harness.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
            assertTrue(harness.waitFor(60, TimeUnit.SECONDS), "harness did not stop");
            assertEquals(130, harness.exitValue());
        } finally {
            harness.destroyForcibly();
        }
        assertGone(nginx, "nginx");
        JsonNode json = JSON.readTree(BackgroundRun.onlyFolder(out).resolve("run.json").toFile());
        assertEquals("interrupted", json.path("status").asText());
        assertEquals(nginx, json.path("proxy").path("pid").asLong());
    }

    @Test
    void aClientKilledOutrightTakesNginxWithIt() throws Exception {
        requireNginx();
        Process harness = harness("--transport", "sse", "--duration", "60s");
        List<ProcessHandle> left = new ArrayList<>();
        try {
            awaitFirstProgressLine(harness);
            long nginx = awaitNginxPid(out, Duration.ofSeconds(10));
            ProcessHandle.of(nginx).ifPresent(left::add);
            left.addAll(harness.toHandle().descendants().toList());
            harness.destroyForcibly(); // SIGKILL: no shutdown hook runs in the client
            assertTrue(harness.waitFor(30, TimeUnit.SECONDS), "the client did not die");
            assertGone(nginx, "nginx");
        } finally {
            harness.destroyForcibly();
            left.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * One 5 s SSE run of 3 sessions through nginx with the given read timeout and server heartbeat
     * ({@code --sse-heartbeat} ms, 0 = none), no messages published.
     */
    private CSVRecord sseThroughProxy(String readTimeout, String heartbeatMs) throws Exception {
        requireNginx();
        List<String> args = new ArrayList<>(List.of("--proxy", "nginx", "--proxy-read-timeout", readTimeout,
                "--transport", "sse", "--sessions", "3", "--ramp-up", "0", "--duration", "5s", "--publish-rate", "0",
                "--sse-reconnect-delay", "200ms", "--sse-heartbeat", heartbeatMs));
        CliRun run = CliRun.run(out, args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.out() + run.err());
        Path folder = BackgroundRun.onlyFolder(out);
        JsonNode proxy = JSON.readTree(folder.resolve("run.json").toFile()).path("proxy");
        assertEquals(DurationConverter.parse(readTimeout).toMillis(), proxy.path("readTimeoutMs").asLong());
        assertTrue(Files.readString(folder.resolve(NginxConfig.FILE_NAME)).contains("proxy_read_timeout "
                + DurationConverter.parse(readTimeout).toMillis() + "ms;"));
        return csv(folder.resolve("summary.csv")).get(0);
    }

    /** Skips the test where nginx is not installed, as the report tests skip without Chromium. */
    static void requireNginx() {
        assumeTrue(NginxProxy.missing(ProxySettings.DEFAULT_BINARY).isEmpty(),
                "skipped: " + ProxySettings.DEFAULT_BINARY + " is not installed (" + NginxProxy.INSTALL_COMMAND + ")");
    }

    private Process harness(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ServerLaunch.currentJava().toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), HarnessCli.class.getName(), "run", "--out", out.toString(),
                "--proxy", "nginx", "--sessions", "2", "--ramp-up", "0", "--publish-rate", "5"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads stderr up to the first progress line: the load runs through nginx. */
    private static void awaitFirstProgressLine(Process harness) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(harness.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = err.readLine()) != null && !line.startsWith("[   5s/60s]")) {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "the run ended before its first progress line: " + seen);
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (java.io.IOException ignored) {
                // the process is gone
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    /** nginx's pid, from the pid file it writes into the (still partial) run folder. */
    private static long awaitNginxPid(Path out, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path pidFile = awaitInRunFolder(out, NginxConfig.PID_FILE, timeout);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(pidFile).strip();
            if (!text.isEmpty()) {
                return Long.parseLong(text);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(pidFile + " stayed empty for " + timeout);
    }

    /** Waits for {@code fileName} to appear in the run folder under {@code out} (still partial while it runs). */
    private static Path awaitInRunFolder(Path out, String fileName, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Path> file;
            try (Stream<Path> s = Files.list(out)) {
                file = s.map(p -> p.resolve(fileName)).filter(Files::isRegularFile).findFirst();
            }
            if (file.isPresent()) {
                return file.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + fileName + " under " + out + " within " + timeout);
    }

    private static void assertGone(long pid, String what) throws InterruptedException {
        assertTrue(pid > 0, what + " pid recorded");
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        assertTrue(process.isEmpty() || BackgroundRun.awaitGone(process.get(), Duration.ofSeconds(15)),
                what + " " + pid + " still runs");
    }
}
