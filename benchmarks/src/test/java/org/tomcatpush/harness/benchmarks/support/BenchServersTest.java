package org.tomcatpush.harness.benchmarks.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.config.ConfigException;

/** Benchmark servers run on loopback, publish nothing by themselves, and take the benchmark's flags last. */
class BenchServersTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void serverListensOnLoopbackEphemeralPortAndPublishesNothingByItself() throws InterruptedException {
        try (HarnessServer server = BenchServers.start("--max-keep-alive-requests", "7")) {
            assertEquals("127.0.0.1", server.baseUri().getHost());
            assertTrue(server.port() > 0);
            assertEquals(0.0, server.config().publishRate());
            assertEquals(7, server.config().maxKeepAliveRequests());
            Thread.sleep(200);
            assertEquals(0, server.hub().lastSeq(), "nothing published without the benchmark");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void badBenchmarkFlagGetsTheServersOneLineMessage() {
        ConfigException e = assertThrows(ConfigException.class, () -> BenchServers.start("--max-threads", "0"));
        assertEquals("--max-threads must be at least 1 (got 0)", e.getMessage());
    }

    @Test
    void virtualThreadVariantMessageNamesTheJavaItNeedsAndTheWayOut() {
        String message = BenchServers.virtualThreadsUnavailableMessage();
        assertTrue(message.contains("Java 21 or later"), message);
        assertTrue(message.contains("this JVM is Java " + Runtime.version().feature()), message);
        assertTrue(message.contains("-p executor=platform"), message);
        assertEquals(Runtime.version().feature() >= 21, BenchServers.virtualThreadsAvailable());
    }

    @Test
    void unavailableVariantIsOneLineWithoutStackTrace() {
        VariantUnavailableException e = new VariantUnavailableException("skipped: reason");
        assertEquals(0, e.getStackTrace().length);
        assertEquals("skipped: reason", e.getMessage());
    }
}
