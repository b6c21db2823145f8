package org.tomcatpush.harness.client.run;

import java.net.URI;
import java.util.Optional;

import org.tomcatpush.harness.client.launch.ServerProcess;

/** A server the harness started in a child JVM; closing stops it. */
final class ChildServer implements ServerHandle {

    private final ServerProcess process;

    ChildServer(ServerProcess process) {
        this.process = process;
    }

    @Override
    public URI baseUri() {
        return process.baseUri();
    }

    @Override
    public URI controlUri() {
        return process.controlUri();
    }

    @Override
    public Optional<String> failure() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.describeExit());
    }

    @Override
    public String controlToken() {
        return process.controlToken();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String mode() {
        return "child";
    }

    @Override
    public void close() {
        process.close();
    }
}
