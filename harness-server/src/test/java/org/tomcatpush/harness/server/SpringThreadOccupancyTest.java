package org.tomcatpush.harness.server;

/** Every {@link ThreadOccupancyTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringThreadOccupancyTest extends ThreadOccupancyTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
