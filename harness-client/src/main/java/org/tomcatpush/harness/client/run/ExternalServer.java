package org.tomcatpush.harness.client.run;

import java.net.URI;
import java.util.Optional;

import org.tomcatpush.harness.client.results.RunJson;

/**
 * A running server given with {@code --target} (harness-server, or with {@code --endpoints} a
 * foreign application, which has no control connector); the harness never stops it.
 */
final class ExternalServer implements ServerHandle {

    private final URI baseUri;
    private final URI controlUri;
    private final String controlToken;
    private final String mode;

    /**
     * @param controlUri   where its {@code /harness/*} endpoints are, as discovered
     *                     ({@link org.tomcatpush.harness.client.serverstats.ControlDiscovery})
     * @param controlToken the target's control token ({@code --control-token}), or {@code null}
     */
    ExternalServer(URI baseUri, URI controlUri, String controlToken) {
        this(baseUri, controlUri, controlToken, "target");
    }

    private ExternalServer(URI baseUri, URI controlUri, String controlToken, String mode) {
        this.baseUri = baseUri;
        this.controlUri = controlUri;
        this.controlToken = controlToken;
        this.mode = mode;
    }

    /** A foreign application ({@code --endpoints}): no control connector; its mode is {@code foreign}. */
    static ExternalServer foreign(URI baseUri) {
        return new ExternalServer(baseUri, null, null, RunJson.FOREIGN_SERVER_MODE);
    }

    @Override
    public URI controlUri() {
        return controlUri;
    }

    @Override
    public String controlToken() {
        return controlToken;
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public Optional<String> failure() {
        return Optional.empty();
    }

    @Override
    public long pid() {
        return -1;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
