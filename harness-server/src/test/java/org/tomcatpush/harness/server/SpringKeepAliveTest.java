package org.tomcatpush.harness.server;

/** Every {@link KeepAliveTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringKeepAliveTest extends KeepAliveTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
