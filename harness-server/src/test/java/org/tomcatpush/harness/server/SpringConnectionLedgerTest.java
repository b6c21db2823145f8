package org.tomcatpush.harness.server;

/** Every {@link ConnectionLedgerTest} case against the Spring MVC flavour ({@code --api spring}): same wire protocol, same counts. */
class SpringConnectionLedgerTest extends ConnectionLedgerTest {

    @Override
    HarnessServer startServer(String... flags) {
        return TestServers.startSpring(flags);
    }
}
