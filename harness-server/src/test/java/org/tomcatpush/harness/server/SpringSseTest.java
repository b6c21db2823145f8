package org.tomcatpush.harness.server;

import java.util.stream.Stream;

/** Every {@link SseTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringSseTest extends SseTest {

    /** Spring has no {@code async-container}: Spring MVC runs its async work on its own terms. */
    static Stream<String> handlers() {
        return Stream.of("async", "blocking");
    }

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
