package org.tomcatpush.harness.server;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@link ConnectionLedgerTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringConnectionLedgerTest extends ConnectionLedgerTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }

    /**
     * Not yet on Spring in async mode: a stream whose client reads nothing is not cut within 20 s
     * ({@code SseEmitter.send} is a blocking write; docs/SERVER.md). The blocking mode passes.
     */
    @Override
    @ParameterizedTest
    @ValueSource(strings = {"async", "blocking"})
    void streamWhoseClientStopsReadingIsCutAsASlowConsumer(String handler) throws Exception {
        assumeFalse(handler.equals("async"),
                "async SseEmitter: a client that stops reading is not cut as a slow consumer within 20 s");
        super.streamWhoseClientStopsReadingIsCutAsASlowConsumer(handler);
    }
}
