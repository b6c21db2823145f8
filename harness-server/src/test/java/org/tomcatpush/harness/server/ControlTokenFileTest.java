package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tomcatpush.harness.server.config.ConfigException;
import org.tomcatpush.harness.server.probe.ControlAccess;

/**
 * {@code --control-token-file}: the control token given up front (a Kubernetes Secret mounted as a
 * file), so that agents started elsewhere can be handed it before the server starts. The file's
 * token guards {@code /harness/*} even on a loopback bind, is not printed, and a file that cannot
 * serve as a token is one line, exit 2.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlTokenFileTest {

    private static final String TOKEN = "5f0c2a9e41d3b7c8a6e2f1d09b8c7a65";

    @TempDir
    Path dir;

    @Test
    void theFileTokenGuardsAServerOnLoopbackIsNotPrintedAndIsTheOneAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        Process server = new ProcessBuilder(ServerMainTest.command(List.of(), "--port", "0", "--publish-rate", "0",
                "--exit-on-stdin-eof", "--control-token-file", file.toString())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String control = out.readLine();
            assertTrue(control != null && control.startsWith("CONTROL http://"), "got " + control);
            String listening = out.readLine();
            assertTrue(listening != null && listening.startsWith("LISTENING "),
                    "no CONTROL-TOKEN line between them: got " + listening);
            URI controlUri = URI.create(control.substring("CONTROL ".length()));
            try (RawConnection c = new RawConnection(controlUri)) {
                assertEquals(403, c.exchange("GET", "/harness/stats").status(), "without the token");
            }
            try (RawConnection c = new RawConnection(controlUri)) {
                assertEquals(403, c.exchange("GET", "/harness/stats", ControlAccess.HEADER + ": " + "0".repeat(32))
                        .status(), "with another token");
            }
            try (RawConnection c = new RawConnection(controlUri)) {
                assertEquals(200, c.exchange("GET", "/harness/stats", ControlAccess.HEADER + ": " + TOKEN).status(),
                        "with the file's token, its final newline left out");
            }
            server.getOutputStream().close();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "stdin EOF stops the server");
            assertEquals(0, server.exitValue());
            assertNull(out.readLine(), "nothing else printed");
        } finally {
            server.destroyForcibly();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "short        | 0123456789abcde   | holds 15 characters: a token has 16 to 256, e.g. openssl rand -hex 16 >",
        "blank        | '   '             | holds 0 characters: a token has 16 to 256",
        "two words    | 0123456789 abcdef | holds a space or a control character inside the token",
    })
    void aFileThatIsNoTokenIsOneLineExitTwo(String name, String content, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("token"), content);
        assertBadInput("--control-token-file " + file + " " + message, "--port", "0", "--control-token-file",
                file.toString());
    }

    @Test
    void aMissingFileIsOneLineExitTwo() {
        Path file = dir.resolve("absent");
        assertBadInput("--control-token-file " + file + " cannot be read (NoSuchFileException): give a readable file"
                + " that holds the token", "--port", "0", "--control-token-file", file.toString());
    }

    @Test
    void parseReadsACommandLineAsTheServerDoesWithoutStartingOne() {
        ServerMain.Settings settings = ServerMain.parse("--host", "0.0.0.0", "--port", "8080", "--control-port", "8081",
                "--control-token-file", "/etc/harness/token");
        assertEquals("0.0.0.0", settings.config().host());
        assertEquals(8080, settings.config().port());
        assertEquals(8081, settings.config().controlPort());
        assertEquals(Path.of("/etc/harness/token"), settings.controlTokenFile());
        assertTrue(settings.tokenRequired());
        assertFalse(ServerMain.parse("--port", "0").tokenRequired(), "loopback, no token asked for");
        ConfigException bad = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ServerMain.parse("--control-token-fil", "x"));
        assertTrue(bad.getMessage().startsWith("Unknown option"), bad.getMessage());
    }

    private static void assertBadInput(String expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(ServerMain.EXIT_BAD_INPUT, exit, text);
        assertTrue(text.startsWith("harness-server: " + expected), text);
        assertEquals(1, text.lines().count(), "one line: " + text);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing started, nothing printed");
    }
}
