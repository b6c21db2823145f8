package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tomcatpush.harness.client.launch.OpenFileLimit;

/**
 * Every kind of bad input to {@code harness run}: exit status 2, one line {@code harness: ...}
 * naming the input, no stack trace, nothing run and no results folder. No case here ever reaches
 * the network: each is refused while the options are validated.
 */
@Timeout(60)
class BadOptionsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                bad("--sesions 5", "unknown options: '--sesions', '5': did you mean --sessions"),
                bad("--sessions abc", "invalid value for option '--sessions': 'abc' is not a whole number"),
                bad("--sessions 0", "--sessions must be at least 1 (got 0)"),
                bad("--duration 10x", "'10x' is not a duration: write e.g. 500ms, 30s or 2m"),
                bad("--duration 0", "--duration must be more than 0"),
                bad("--ramp-up -1s", "'-1s' is not a duration"),
                bad("--ramp-up 10s --duration 5s", "--ramp-up (10000 ms) must not be longer than --duration"),
                bad("--poll-interval 0ms", "--poll-interval must be more than 0"),
                bad("--transport short-poll --poll-interval 5s --duration 2s", "--poll-interval (5000 ms) is longer"
                        + " than --duration (2000 ms): each short-poll session would poll at most once, or never"),
                bad("--transport sse=1,short-poll=1 --poll-interval 3s --duration 1s", "--poll-interval (3000 ms)"
                        + " is longer than --duration (1000 ms)"),
                bad("--transport carrier-pigeon", "unknown transport 'carrier-pigeon': use one of short-poll,"
                        + " long-poll, sse, ws"),
                bad("--transport sse=70,ws=-3", "weight of ws must be positive (got -3)"),
                bad("--transport sse,sse", "transport sse appears twice"),
                bad("--sessions-per-browser 3", "--sessions-per-browser needs --browser"),
                bad("--source-addresses 0", "--source-addresses must be between 1 and 254"),
                bad("--connect-timeout 0", "--connect-timeout must be more than 0"),
                bad("--request-connection-header close", "invalid value for option '--request-connection-header':"
                        + " 'close' is not a request Connection header: write keep-alive or none"),
                bad("--listen-timeout 0s", "--listen-timeout must be more than 0"),
                bad("--request-timeout -500ms", "'-500ms' is not a duration: write e.g. 500ms, 30s or 2m"),
                bad("--request-timeout 500", "'500' has no unit: write 500ms or 500s"),
                bad("--request-timeout 1.5", "'1.5' has no unit: write 1.5ms or 1.5s"),
                bad("--request-timeout soon", "'soon' is not a duration"),
                bad("--name ///", "--name '///' has no character usable in a folder name"),
                bad("--target http://127.0.0.1:1 --server-heap 1g", "--server-heap configures the server that run"
                        + " starts, so it has no effect with --target"),
                bad("--server-java /no/such/java", "--server-java /no/such/java is not an executable file"),
                bad("--server-heap lots", "--server-heap 'lots' is not a heap size"),
                bad("--max-threads 0", "--max-threads must be at least 1 (got 0)"),
                bad("--port 99999", "--port must be between 0 and 65535"),
                bad("--publish-rate -1", "--publish-rate must be 0"),
                bad("--publish-rate fast", "'fast' is not a number"),
                bad("--handler sometimes", "'sometimes' is not a handler mode: use async, blocking or async-container"),
                bad("--handler async-container --transport sse,ws", "--handler async-container has no meaning for ws"
                        + " (WebSocket has no AsyncContext.start()): use async or blocking for ws, or drop ws from"
                        + " --transport"),
                bad("--api jaxrs", "'jaxrs' is not an api: use servlet or spring"),
                bad("--host 10.1.2.3", "--host 10.1.2.3 is not a loopback address"),
                bad("--target ftp://127.0.0.1:21", "--target 'ftp://127.0.0.1:21' must start with http://"),
                bad("--target http://127.0.0.1:1/app", "must be the server's base URL without a path"),
                bad("--target http://127.0.0.1:1 --max-threads 8",
                        "--max-threads configures the server that run starts, so it has no effect with --target"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void badOptionExitsTwoWithOneClearLineAndNoFolder(String options, String expected) {
        assertRefused(List.of(options.split(" ")), expected);
    }

    @Test
    void tooFewOpenFilesIsRefusedBeforeAnyLoad() {
        OptionalLong limit = OpenFileLimit.current();
        assumeTrue(limit.isPresent() && limit.getAsLong() < 1_000_000, "no open-file limit to exceed here");
        long sessions = limit.getAsLong() + 1_000;
        assertRefused(List.of("--sessions", Long.toString(sessions)), sessions + " sessions need about "
                + (sessions + 100) + " open files but the limit is " + limit.getAsLong() + ": raise it with `ulimit -n ");
    }

    @Test
    void virtualThreadsOnAServerJavaOlderThan21AreRefused() {
        assumeTrue(Runtime.version().feature() < 21, "this JVM could run virtual threads");
        assertRefused(List.of("--virtual-threads"), "--virtual-threads needs Java 21 or later, but the server would"
                + " run on Java " + Runtime.version().feature());
    }

    @Test
    void anOutputPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of(List.of("run", "--out", file.toString()));
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --out " + file + " is a file, not a folder: give a folder (it is created if"
                + " missing)"), run.errLines());
    }

    @Test
    void harnessWithoutACommandSaysWhatToType() {
        CliRun run = CliRun.of(List.of());
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: name a command: run, server, sweep, report, compare, experiments, jmh, merge"
                + " (see 'harness --help')"), run.errLines());
    }

    @Test
    void theServerCommandRefusesBadFlagsTheSameWay() {
        CliRun run = CliRun.of(List.of("server", "--max-keep-alive-requests", "0"));
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --max-keep-alive-requests must be at least 1, or -1 for unlimited (got 0)"),
                run.errLines());
    }

    private void assertRefused(List<String> options, String expected) {
        Path out = dir.resolve("runs");
        List<String> args = new ArrayList<>(List.of("run", "--out", out.toString()));
        args.addAll(options);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), "one line: " + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("harness: "), line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(out), "no results folder for bad input");
    }

    private static Arguments bad(String options, String expected) {
        return Arguments.of(options, expected);
    }
}
