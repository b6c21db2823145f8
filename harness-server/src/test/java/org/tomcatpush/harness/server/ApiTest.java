package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --api servlet|spring}: which code serves the push endpoints, reported in the stats'
 * {@code config}, and a servlet server that never loads a Spring class (the Spring flavour lives in
 * its own package, reached only with {@code --api spring}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"servlet", "spring"})
    void statsConfigReportsTheApi(String api) throws Exception {
        try (HarnessServer server = TestServers.start("--api", api)) {
            assertEquals(api, TestServers.stats(server).path("config").path("api").asText());
        }
    }

    @ParameterizedTest
    @CsvSource({"servlet, false", "spring, true"})
    void onlyTheSpringApiLoadsSpringClasses(String api, boolean springLoaded) throws Exception {
        Path classLog = Files.createTempFile("harness-classes", ".log");
        Path stderr = Files.createTempFile("harness-server-stderr", ".txt");
        List<String> command = ServerMainTest.command(List.of("-Xlog:class+load=info:file=" + classLog),
                "--port", "0", "--publish-rate", "0", "--exit-on-stdin-eof", "--api", api);
        Process server = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("LISTENING ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the server printed its LISTENING line");
            URI base = URI.create(line.substring("LISTENING ".length()));
            try (RawConnection c = new RawConnection(base)) {
                assertEquals(200, c.exchange("GET", "/poll").status());
            }
            server.getOutputStream().close(); // stdin EOF stops the server
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped at stdin EOF");
            assertEquals(0, server.exitValue());
            String classes = Files.readString(classLog);
            assertTrue(classes.contains("org.tomcatpush.harness.server.transport.PollAnswer"), "the log lists classes");
            assertEquals(springLoaded, classes.contains(" org.springframework."), api + ": Spring classes loaded");
            assertEquals(springLoaded, classes.contains(" org.tomcatpush.harness.server.spring."),
                    api + ": the harness's Spring package loaded");
            assertEquals("", Files.readString(stderr).strip(), "a clean run prints nothing on stderr");
        } finally {
            server.destroyForcibly();
            Files.deleteIfExists(classLog);
            Files.deleteIfExists(stderr);
        }
    }
}
