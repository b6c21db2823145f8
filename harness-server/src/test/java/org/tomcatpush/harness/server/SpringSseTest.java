package org.tomcatpush.harness.server;

/** Every {@link SseTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringSseTest extends SseTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
