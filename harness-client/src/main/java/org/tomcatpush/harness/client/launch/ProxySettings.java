package org.tomcatpush.harness.client.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * The reverse proxy a run puts between its sessions and the server ({@code --proxy}), with the
 * proxy's own settings. Immutable; the constructor refuses bad values with a one-line
 * {@link ConfigException}.
 *
 * @param kind                  {@link #NONE} or {@link #NGINX}
 * @param readTimeout           nginx's {@code proxy_read_timeout}: a stream the server is silent on
 *                              for this long is cut by the proxy
 * @param upstreamKeepalive     idle connections nginx keeps open to the server ({@code keepalive}
 *                              in its upstream block); 0 = none, a new connection per request
 * @param binary                the nginx executable
 */
public record ProxySettings(String kind, Duration readTimeout, int upstreamKeepalive, Path binary) {

    public static final String NONE = "none";
    public static final String NGINX = "nginx";

    /** nginx's own default {@code proxy_read_timeout}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    /** Idle connections kept to the server by default: enough for a few dozen polls in flight at once. */
    public static final int DEFAULT_UPSTREAM_KEEPALIVE = 32;
    /** Where Debian's package installs nginx. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/nginx");
    /** The most idle upstream connections accepted, far above what a loopback run needs. */
    public static final int MAX_UPSTREAM_KEEPALIVE = 65_535;

    /** No proxy: the sessions talk to the server directly. */
    public static final ProxySettings DIRECT = new ProxySettings(NONE, DEFAULT_READ_TIMEOUT,
            DEFAULT_UPSTREAM_KEEPALIVE, DEFAULT_BINARY);

    public ProxySettings {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(binary, "binary");
        if (!NONE.equals(kind) && !NGINX.equals(kind)) {
            throw new ConfigException("--proxy '" + kind + "' is not a proxy: use none or nginx");
        }
        if (readTimeout.isZero()) {
            throw new ConfigException("--proxy-read-timeout must be more than 0: write e.g. 60s");
        }
        if (upstreamKeepalive < 0 || upstreamKeepalive > MAX_UPSTREAM_KEEPALIVE) {
            throw new ConfigException("--proxy-upstream-keepalive must be between 0 (a new connection per request)"
                    + " and " + MAX_UPSTREAM_KEEPALIVE + " (got " + upstreamKeepalive + ")");
        }
    }

    /** A proxy is put in the path. */
    public boolean enabled() {
        return !NONE.equals(kind);
    }
}
