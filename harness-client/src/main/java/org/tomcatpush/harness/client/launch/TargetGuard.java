package org.tomcatpush.harness.client.launch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * Decides whether the harness may send load to a target. The decision is a pure function of the
 * target URI and {@code --allow-remote}: it never resolves a host name and never connects.
 * Loopback means an IPv4 literal in 127.0.0.0/8, the IPv6 literal {@code ::1}, or the name
 * {@code localhost}; any other name counts as remote, even one that would resolve to loopback
 * (write the address instead). Stateless and thread-safe.
 */
public final class TargetGuard {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TargetGuard() {
    }

    /**
     * Parses {@code --target}: an {@code http://HOST[:PORT]} base URI with no path, query or user info.
     *
     * @return the normalised base URI, {@code http://host:port}
     * @throws ConfigException with a one-line message saying what is wrong
     */
    public static URI parseTarget(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("--target '" + text + "' is not a URL: write e.g. http://127.0.0.1:8080");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new ConfigException("--target '" + text + "' must start with http:// (the harness speaks plain HTTP):"
                    + " write e.g. http://127.0.0.1:8080");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new ConfigException("--target '" + text + "' has no usable host: write e.g. http://127.0.0.1:8080");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new ConfigException("--target '" + text + "' must be the server's base URL without a path:"
                    + " write e.g. http://127.0.0.1:8080");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        return URI.create("http://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    /** Whether {@code target}'s host is loopback by the rules above. Never resolves or connects. */
    public static boolean isLoopback(URI target) {
        String host = target.getHost();
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.equals("localhost")) {
            return true;
        }
        boolean ipv6Literal = host.startsWith("[") && host.endsWith("]");
        if (!ipv6Literal && !IPV4_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            // a literal: InetAddress parses it without any lookup
            return InetAddress.getByName(ipv6Literal ? host.substring(1, host.length() - 1) : host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Whether load may be sent to {@code target}: loopback always, anything else only with
     * {@code allowRemote}.
     */
    public static boolean permits(URI target, boolean allowRemote) {
        return allowRemote || isLoopback(target);
    }

    /**
     * Refuses a target that {@link #permits} does not allow.
     *
     * @throws ConfigException naming the target and the flag that allows it
     */
    public static void check(URI target, boolean allowRemote) {
        if (!permits(target, allowRemote)) {
            throw new ConfigException("target " + target + " is not a loopback address: the harness only loads"
                    + " 127.0.0.0/8, ::1 and localhost unless you add --allow-remote");
        }
    }
}
