package org.tomcatpush.harness.server;

/** Every {@link LongPollTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringLongPollTest extends LongPollTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
