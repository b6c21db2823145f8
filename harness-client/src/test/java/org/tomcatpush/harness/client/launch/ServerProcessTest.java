package org.tomcatpush.harness.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher's contract with a fake server main class (no sockets): it reads the CONTROL and
 * LISTENING lines, reports why a server never listened, and always leaves no process behind.
 */
@Timeout(60)
class ServerProcessTest {

    /** Marks this test's children, so a leftover can be found (and killed) by its command line. */
    private final String marker = "marker-" + UUID.randomUUID();

    @AfterEach
    void noChildOfThisTestSurvives() {
        List<ProcessHandle> leftovers = children();
        leftovers.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), leftovers, "server processes left running");
    }

    @Test
    void readsTheListeningLineAndStopsTheServerOnClose() throws Exception {
        long pid;
        try (ServerProcess server = ServerProcess.start(launch("listen", Duration.ofSeconds(30)))) {
            pid = server.pid();
            assertEquals(URI.create("http://127.0.0.1:45678"), server.baseUri());
            assertEquals(URI.create("http://127.0.0.1:45688"), server.controlUri(), "from the CONTROL line before it");
            assertTrue(server.isAlive());
            assertTrue(server.exitCode().isEmpty());
        }
        assertGone(pid);
    }

    @Test
    void aWildcardBindAddressIsReachedOverLoopback() throws Exception {
        try (ServerProcess server = ServerProcess.start(launch("listen-wildcard", Duration.ofSeconds(30)))) {
            assertEquals(URI.create("http://127.0.0.1:45679"), server.baseUri());
            assertEquals(URI.create("http://127.0.0.1:45689"), server.controlUri());
        }
        assertEquals(URI.create("http://[::1]:8080"), ServerProcess.connectable(URI.create("http://[::]:8080")));
    }

    @Test
    void aServerThatListensWithoutAControlLineIsRefusedAndStopped() {
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> ServerProcess.start(launch("listen-without-control", Duration.ofSeconds(30))));
        assertFalse(e.badInput());
        assertEquals("the server printed LISTENING http://127.0.0.1:45681 without a CONTROL line before it, so its"
                + " /harness/* endpoints cannot be found: start a harness-server of this version (or drive a running"
                + " server with --target)", e.getMessage());
        assertEquals(List.of(), children().stream().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void aFailureWhileTheServerRunsStillStopsIt() throws Exception {
        long[] pid = new long[1];
        assertThrows(IllegalStateException.class, () -> {
            try (ServerProcess server = ServerProcess.start(launch("listen", Duration.ofSeconds(30)))) {
                pid[0] = server.pid();
                throw new IllegalStateException("simulated failure in the run");
            }
        });
        assertGone(pid[0]);
    }

    @Test
    void aServerThatRefusesItsOptionsIsBadInputWithItsOwnLine() {
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> ServerProcess.start(launch("refuse", Duration.ofSeconds(30))));
        assertTrue(e.badInput());
        assertEquals("the server refused its options: harness-server: port 8080 is in use: stop what holds it"
                + " or give --port 0", e.getMessage());
    }

    @Test
    void aServerThatExitsBeforeListeningIsAFailureWithItsLastLine() {
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> ServerProcess.start(launch("crash", Duration.ofSeconds(30))));
        assertFalse(e.badInput());
        assertEquals("the server exited with status 3 before listening: something broke", e.getMessage());
    }

    @Test
    void aSilentServerFailsAtTheListenTimeoutAndIsStopped() {
        long startNanos = System.nanoTime();
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> ServerProcess.start(launch("silent", Duration.ofMillis(1500))));
        long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
        assertFalse(e.badInput());
        assertTrue(e.getMessage().startsWith("the server printed no LISTENING line within 1500ms: it printed nothing"),
                e.getMessage());
        assertTrue(elapsedMs >= 1_400, "gave up after " + elapsedMs + " ms, before the listen timeout");
        assertEquals(List.of(), children().stream().filter(ProcessHandle::isAlive).toList());
    }

    @Test
    void aServerThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        long pid;
        try (ServerProcess server = ServerProcess.start(launch("stubborn", Duration.ofSeconds(30)))) {
            pid = server.pid();
        }
        assertGone(pid);
    }

    @Test
    void aJavaThatCannotStartIsAnIoError() {
        ServerLaunch launch = new ServerLaunch(java.nio.file.Path.of("no", "such", "java"), null, "", "Main",
                List.of(), Duration.ofSeconds(1));
        assertThrows(java.io.IOException.class, () -> ServerProcess.start(launch));
    }

    private ServerLaunch launch(String mode, Duration listenTimeout) {
        return new ServerLaunch(ServerLaunch.currentJava(), "64m", System.getProperty("java.class.path"),
                FakeServerMain.class.getName(), List.of(mode, marker), listenTimeout);
    }

    private List<ProcessHandle> children() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private static void assertGone(long pid) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still runs");
    }
}
