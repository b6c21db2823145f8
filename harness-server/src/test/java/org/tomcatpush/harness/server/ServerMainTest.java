package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.config.ServerOptions;

/** The command line: help, bad input (one line, exit 2), the CONTROL and LISTENING lines, clean stops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServerMainTest {

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bogus                          | Unknown option: '--bogus'",
        "--max-threads abc                | Invalid value for option '--max-threads': 'abc' is not an int",
        "--max-threads 0                  | --max-threads must be at least 1 (got 0)",
        "--max-threads -5                 | --max-threads must be at least 1 (got -5)",
        "--min-spare-threads 50 --max-threads 4 | --min-spare-threads (50) must not exceed --max-threads (4)",
        "--max-connections 0              | --max-connections must be at least 1, or -1 for unlimited (got 0)",
        "--accept-count 0                 | --accept-count must be at least 1 (got 0)",
        "--connection-timeout 0           | --connection-timeout must be at least 1 ms, or -1 for infinite (got 0)",
        "--keep-alive-timeout -7          | --keep-alive-timeout must be at least 1 ms, or -1 for infinite (got -7)",
        "--max-keep-alive-requests 0      | --max-keep-alive-requests must be at least 1, or -1 for unlimited (got 0)",
        "--async-timeout -1               | --async-timeout must be 0 (none) or more (got -1)",
        "--keep-alive-timeout abc         | Invalid value for option '--keep-alive-timeout': 'abc' is not a duration: write e.g. 500ms, 30s or 2m, or a number of milliseconds",
        "--long-poll-hold 10x             | Invalid value for option '--long-poll-hold': '10x' is not a duration",
        "--connection-timeout 1000h       | Invalid value for option '--connection-timeout': '1000h' is too long: use at most 596h",
        "--port 70000                     | --port must be between 0 and 65535 (got 70000)",
        "--protocol apr                   | Invalid value for option '--protocol': 'apr' is not a protocol: use nio or nio2",
        "--handler sync                   | Invalid value for option '--handler': 'sync' is not a handler mode: use async, blocking or async-container",
        "--api jaxrs                      | Invalid value for option '--api': 'jaxrs' is not an api: use servlet or spring",
        "--api spring --handler async-container | --handler async-container is a Servlet async mode and has no meaning with --api spring: use async or blocking",
        "--publish-rate -1                | --publish-rate must be 0 (on demand only) or more messages/s (got -1.0)",
        "--payload-bytes -1               | --payload-bytes must be between 0 and 1048576 (got -1)",
        "--sse-timeout -1                 | --sse-timeout must be 0 (never) or more ms (got -1)",
        "--sse-retry -1                   | --sse-retry must be 0 or more ms (got -1)",
        "--sse-heartbeat -1               | --sse-heartbeat must be 0 (none) or more ms (got -1)",
        "--long-poll-hold 0               | --long-poll-hold must be at least 1 ms (got 0)",
        "--sample-interval -1             | --sample-interval must be 0 (off) or more ms (got -1)",
        "--ring-capacity 0                | --ring-capacity must be at least 1 (got 0)",
        "--max-batch 0                    | --max-batch must be at least 1 (got 0)",
        "--control-port 70000             | --control-port must be between 0 and 65535 (got 70000)",
        "--port 9000 --control-port 9000  | --control-port must differ from --port (both 9000)",
        "--virtual-threads                | --virtual-threads needs Java 21 or later",
    })
    void badInputExitsTwoWithOneLineNamingIt(String args, String message) {
        if (args.equals("--virtual-threads") && Runtime.version().feature() >= 21) {
            return; // only an error on Java 17..20, where these tests normally run
        }
        Outcome outcome = run(args.trim().split("\\s+"));
        assertEquals(ServerMain.EXIT_BAD_INPUT, outcome.exit());
        assertTrue(outcome.err().startsWith("harness-server: " + message), outcome.err());
        assertEquals(1, outcome.err().lines().count(), "one line, no stack trace: " + outcome.err());
        assertEquals("", outcome.out());
    }

    @ParameterizedTest(name = "{0} {1} is {2} ms")
    @CsvSource({
        "--keep-alive-timeout, 1s, 1000",
        "--keep-alive-timeout, 1000, 1000",
        "--keep-alive-timeout, -1, -1",
        "--keep-alive-timeout, 1.5s, 1500",
        "--connection-timeout, 2m, 120000",
        "--connection-timeout, -1, -1",
        "--async-timeout, 0, 0",
        "--async-timeout, 1h, 3600000",
        "--sse-timeout, 0, 0",
        "--sse-timeout, 250ms, 250",
        "--sse-retry, 0, 0",
        "--sse-retry, 3s, 3000",
        "--sse-heartbeat, 0, 0",
        "--sse-heartbeat, 15000, 15000",
        "--long-poll-hold, 0.5s, 500",
        "--sample-interval, 0, 0",
        "--sample-interval, 100, 100",
    })
    void timeFlagsTakeMillisecondsOrAUnit(String flag, String value, long expectedMs) {
        ServerConfig config = ServerConfig.parse(flag, value);
        long ms = switch (flag) {
            case "--keep-alive-timeout" -> config.keepAliveTimeoutMs();
            case "--connection-timeout" -> config.connectionTimeoutMs();
            case "--async-timeout" -> config.asyncTimeoutMs();
            case "--sse-timeout" -> config.sseTimeoutMs();
            case "--sse-retry" -> config.sseRetryMs();
            case "--sse-heartbeat" -> config.sseHeartbeatMs();
            case "--long-poll-hold" -> config.longPollHoldMs();
            default -> config.sampleIntervalMs();
        };
        assertEquals(expectedMs, ms);
        assertEquals(config, ServerConfig.parse(ServerOptions.toArgs(config).toArray(String[]::new)),
                "the flags handed to a child server give the same configuration");
    }

    @Test
    void portInUseExitsTwoWithOneLine() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run("--port", Integer.toString(busy.getLocalPort()));
            assertEquals(2, outcome.exit());
            assertEquals("harness-server: port " + busy.getLocalPort() + " is already in use on 127.0.0.1: choose another"
                    + " with --port, or --port 0 for an ephemeral one", outcome.err().strip());
            assertEquals("", outcome.out());
        }
    }

    @Test
    void controlPortInUseExitsTwoWithOneLineNamingTheControlPort() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run("--port", "0", "--control-port", Integer.toString(busy.getLocalPort()));
            assertEquals(2, outcome.exit());
            assertEquals("harness-server: port " + busy.getLocalPort() + " is already in use on 127.0.0.1: choose another"
                    + " with --control-port, or --control-port 0 for an ephemeral one", outcome.err().strip());
            assertEquals("", outcome.out());
        }
    }

    @Test
    void jmxPortInUseOrOutOfRangeExitsTwoWithOneLine() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run("--port", "0", "--jmx-port", Integer.toString(busy.getLocalPort()));
            assertEquals(2, outcome.exit());
            assertEquals("harness-server: --jmx-port " + busy.getLocalPort() + " is already in use on 127.0.0.1 (or"
                    + " cannot be bound): choose a free port", outcome.err().strip());
            assertEquals("", outcome.out());
        }
        Outcome zero = run("--port", "0", "--jmx-port", "0");
        assertEquals(2, zero.exit());
        assertEquals("harness-server: --jmx-port must be between 1 and 65535, got 0", zero.err().strip());
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        Outcome outcome = run("--help");
        assertEquals(0, outcome.exit());
        String help = outcome.out().replaceAll("\\s+", " ");
        for (String option : new String[] {"--protocol", "--max-threads", "--min-spare-threads", "--max-connections",
                "--accept-count", "--connection-timeout", "--keep-alive-timeout", "--max-keep-alive-requests",
                "--async-timeout", "--virtual-threads", "--host", "--port", "--handler", "--publish-rate",
                "--payload-bytes", "--sse-timeout", "--sse-retry", "--sse-heartbeat", "--long-poll-hold",
                "--sample-interval", "--ring-capacity", "--max-batch", "--control-port", "--exit-on-stdin-eof",
                "--help"}) {
            assertTrue(help.contains(option), "--help lists " + option);
        }
        for (String shown : new String[] {"Default: 200", "Default: 8192", "Default: 100", "Default: 60000",
                "Default: 30000", "Default: 127.0.0.1", "Default: 8080", "Default: async", "Default: nio",
                "Default: 15000", "Default: 10000", "Default: 1000", "Default: 64"}) {
            assertTrue(help.contains(shown), "--help shows " + shown);
        }
    }

    @Test
    void realProcessPrintsControlThenListeningStopsOnStdinEofAndExitsTwoOnABusyPort() throws Exception {
        Process server = start("--port", "0", "--exit-on-stdin-eof");
        try (BufferedReader out = reader(server)) {
            String first = out.readLine();
            assertTrue(first != null && first.matches("CONTROL http://127\\.0\\.0\\.1:\\d+"), "got " + first);
            URI control = URI.create(first.substring("CONTROL ".length()));
            String line = out.readLine();
            assertTrue(line != null && line.matches("LISTENING http://127\\.0\\.0\\.1:\\d+"), "got " + line);
            URI base = URI.create(line.substring("LISTENING ".length()));
            assertTrue(base.getPort() > 0 && control.getPort() > 0 && base.getPort() != control.getPort());
            try (RawConnection c = new RawConnection(control)) {
                assertEquals(200, c.exchange("GET", "/harness/stats").status());
            }
            try (RawConnection c = new RawConnection(base)) {
                assertEquals(308, c.exchange("GET", "/harness/stats").status());
            }

            Process second = start("--port", Integer.toString(base.getPort()));
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, second.exitValue(), "a busy port exits with status 2");
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("harness-server: port " + base.getPort() + " is already in use on 127.0.0.1: choose another"
                    + " with --port, or --port 0 for an ephemeral one", err.strip());
            assertEquals("", new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

            server.getOutputStream().close(); // stdin EOF stops the server
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped at stdin EOF");
            assertEquals(0, server.exitValue());
            assertEquals(null, out.readLine(), "stdout holds only the CONTROL and LISTENING lines");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void realProcessWithATokenPrintsControlTokenThenListeningAndStopsOnSigterm() throws Exception {
        Path stderr = Files.createTempFile("harness-server-stderr", ".txt");
        Process server = start(stderr, "--port", "0", "--require-control-token");
        try (BufferedReader out = reader(server)) {
            String control = out.readLine();
            assertTrue(control != null && control.startsWith("CONTROL http://"), "got " + control);
            String token = out.readLine();
            assertTrue(token != null && token.matches("CONTROL-TOKEN [0-9a-f]{32}"), "got " + token);
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("LISTENING "), "got " + line);
            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the server");
            assertFalse(server.isAlive());
            assertEquals(143, server.exitValue(), "the JVM's status for a SIGTERM it handled");
            assertEquals("", Files.readString(stderr).strip(), "a clean stop prints nothing");
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    private static Process start(Path stderr, String... args) throws IOException {
        List<String> command = command(args);
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }

    private static Process start(String... args) throws IOException {
        return new ProcessBuilder(command(args)).start();
    }

    private static List<String> command(String... args) {
        return command(List.of(), args);
    }

    /** The command that runs harness-server in a JVM of its own with {@code jvmOptions}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(ServerMain.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** The test class path; surefire may hand it over in a manifest-only jar, which java -cp reads too. */
    private static String classPath() {
        String cp = System.getProperty("java.class.path");
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            cp = surefire;
        }
        List<String> existing = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                existing.add(entry);
            }
        }
        return String.join(File.pathSeparator, existing);
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }
}
