package org.tomcatpush.harness.server;

/** Every {@link StatsTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringStatsTest extends StatsTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
