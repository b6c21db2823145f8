package org.tomcatpush.harness.client.launch;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXServiceURL;

import org.tomcatpush.harness.server.config.ConfigException;

/**
 * Parses {@code --jmx} and decides whether the harness may connect to it, by the rules of
 * {@link TargetGuard}: every host the URL names (its own and that of a {@code /jndi/rmi://HOST:PORT}
 * registry) must be loopback unless {@code --allow-remote}. A pure function of the URL: it never
 * resolves or connects. Stateless and thread-safe.
 */
public final class JmxGuard {

    private static final Pattern JNDI_HOST = Pattern.compile("/jndi/(?:rmi|iiop)://(\\[[^\\]]*\\]|[^:/]*)");

    private JmxGuard() {
    }

    /**
     * Parses a JMX service URL such as {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi}.
     *
     * @throws ConfigException with a one-line message when it is not one
     */
    public static JMXServiceURL parse(String text) {
        try {
            return new JMXServiceURL(text.trim());
        } catch (MalformedURLException e) {
            throw new ConfigException("--jmx '" + text + "' is not a JMX service URL: write e.g."
                    + " service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi");
        }
    }

    /** The hosts {@code url} connects to: its own (when it names one) and its JNDI registry's. */
    public static List<String> hosts(JMXServiceURL url) {
        List<String> hosts = new ArrayList<>();
        if (url.getHost() != null && !url.getHost().isEmpty()) {
            hosts.add(url.getHost());
        }
        Matcher jndi = JNDI_HOST.matcher(url.getURLPath());
        if (jndi.find()) {
            hosts.add(jndi.group(1).isEmpty() ? "localhost" : jndi.group(1));
        }
        if (hosts.isEmpty()) {
            hosts.add("localhost"); // service:jmx:rmi:// with neither names this host
        }
        return hosts;
    }

    /** Whether the harness may connect to {@code url}: every host loopback, or {@code allowRemote}. */
    public static boolean permits(JMXServiceURL url, boolean allowRemote) {
        if (allowRemote) {
            return true;
        }
        for (String host : hosts(url)) {
            URI asTarget;
            try {
                asTarget = new URI("http", null, host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                        1, null, null, null);
            } catch (java.net.URISyntaxException e) {
                return false;
            }
            if (!TargetGuard.isLoopback(asTarget)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses a URL that {@link #permits} does not allow. @throws ConfigException naming the host and the flag */
    public static void check(JMXServiceURL url, boolean allowRemote) {
        if (!permits(url, allowRemote)) {
            throw new ConfigException("--jmx " + url + " is not on a loopback address: the harness only connects to"
                    + " 127.0.0.0/8, ::1 and localhost unless you add --allow-remote");
        }
    }
}
