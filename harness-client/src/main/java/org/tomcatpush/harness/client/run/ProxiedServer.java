package org.tomcatpush.harness.client.run;

import java.net.URI;
import java.util.Optional;

import org.tomcatpush.harness.client.launch.NginxProxy;

/**
 * A server behind the run's nginx: the sessions go to the proxy, every {@code /harness/*} request
 * still goes straight to the server's control connector. Closing stops the proxy, then the server
 * (a child; a {@code --target} is left running), so every path that stops the server stops nginx.
 */
final class ProxiedServer implements ServerHandle {

    private final ServerHandle server;
    private final NginxProxy proxy;

    ProxiedServer(ServerHandle server, NginxProxy proxy) {
        this.server = server;
        this.proxy = proxy;
    }

    /** The proxy's address: the sessions' target. */
    @Override
    public URI baseUri() {
        return proxy.baseUri();
    }

    @Override
    public URI controlUri() {
        return server.controlUri();
    }

    @Override
    public Optional<String> failure() {
        Optional<String> failure = server.failure();
        return failure.isPresent() ? failure : proxy.failure();
    }

    @Override
    public String controlToken() {
        return server.controlToken();
    }

    @Override
    public long pid() {
        return server.pid();
    }

    @Override
    public String mode() {
        return server.mode();
    }

    @Override
    public void close() {
        try {
            proxy.close();
        } finally {
            server.close();
        }
    }
}
