package org.tomcatpush.harness.server;

/** Every {@link PollTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringPollTest extends PollTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
