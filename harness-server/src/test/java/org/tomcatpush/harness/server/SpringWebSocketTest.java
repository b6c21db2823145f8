package org.tomcatpush.harness.server;

/** Every {@link WebSocketTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringWebSocketTest extends WebSocketTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
