package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code --virtual-threads} on a Java 21+ runtime (experiment E4's other half): blocking streams no
 * longer hold platform threads, and since Tomcat then reports -1 busy threads the probe counts the
 * handlers in progress instead and says so. Runs the server in a separate JVM when a Java 21+ is
 * found ({@code HARNESS_SERVER_JAVA}, or under /usr/lib/jvm); skipped otherwise.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VirtualThreadsTest {

    @Test
    void blockingStreamsOnVirtualThreadsAreCountedAsHandlersInProgress() throws Exception {
        Optional<Path> java = java21();
        Assumptions.assumeTrue(java.isPresent(), "no Java 21+ runtime found");
        List<String> command = new ArrayList<>(List.of(java.get().toString(), "-cp", classPath(),
                ServerMain.class.getName(), "--port", "0", "--publish-rate", "0", "--virtual-threads",
                "--handler", "blocking", "--max-threads", "2", "--sse-heartbeat", "0"));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<SseConnection> streams = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String controlLine = out.readLine();
            assertTrue(controlLine != null && controlLine.startsWith("CONTROL "), "got " + controlLine);
            URI control = URI.create(controlLine.substring("CONTROL ".length()));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("LISTENING "), "got " + line);
            URI base = URI.create(line.substring("LISTENING ".length()));
            for (int i = 0; i < 3; i++) {
                SseConnection sse = SseConnection.open(base, "/sse");
                streams.add(sse);
                assertEquals("open", sse.next().comment());
            }
            JsonNode threads;
            try (RawConnection stats = new RawConnection(control)) {
                threads = TestServers.JSON.readTree(stats.exchange("GET", "/harness/stats").body()).get("threads");
            }
            assertEquals("handlers-in-progress", threads.get("busyMetric").asText());
            assertEquals(3, threads.get("busy").asInt(), "3 blocking streams, more than --max-threads 2");
            assertTrue(threads.get("virtual").asBoolean());
            assertEquals(-1, threads.get("poolSize").asInt());
        } finally {
            for (SseConnection sse : streams) {
                sse.close();
            }
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static Optional<Path> java21() throws IOException {
        String configured = System.getenv("HARNESS_SERVER_JAVA");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> feature(home) >= 21)
                    .map(home -> home.resolve("bin").resolve("java"))
                    .filter(Files::isExecutable)
                    .findFirst();
        }
    }

    /** The major version from a JDK's {@code release} file, 0 when unknown. */
    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a JDK home
        }
        return 0;
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> existing = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.exists(Path.of(entry))) {
                existing.add(entry);
            }
        }
        return String.join(File.pathSeparator, existing);
    }
}
