package org.tomcatpush.harness.benchmarks.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.tomcatpush.harness.server.HarnessServer;
import org.tomcatpush.harness.server.config.ServerConfig;

/**
 * Starts harness-server in the benchmark's own JVM, on loopback and an ephemeral port, with
 * nothing published unless the benchmark publishes: {@code --host 127.0.0.1 --port 0
 * --publish-rate 0}, then the benchmark's own flags (which win, as later flags do on the command
 * line). Every other knob keeps the server's default, which is Tomcat's own.
 */
public final class BenchServers {

    /** The first Java release whose Tomcat connector can run requests on virtual threads. */
    public static final int VIRTUAL_THREADS_JAVA = 21;

    private static final List<String> LOOPBACK_DEFAULTS = List.of(
            "--host", "127.0.0.1", "--port", "0", "--publish-rate", "0");

    private BenchServers() {
    }

    /**
     * Starts a server and returns once it accepts connections.
     *
     * @param flags harness-server flags, as on its command line
     * @throws org.tomcatpush.harness.server.config.ConfigException with a one-line message for a bad flag
     */
    public static HarnessServer start(String... flags) {
        List<String> args = new ArrayList<>(LOOPBACK_DEFAULTS);
        args.addAll(Arrays.asList(flags));
        return HarnessServer.start(ServerConfig.parse(args.toArray(String[]::new)));
    }

    /** Whether this JVM can run the server's requests on virtual threads. */
    public static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= VIRTUAL_THREADS_JAVA;
    }

    /**
     * The one-line explanation printed when a virtual-thread variant is skipped on an older Java.
     */
    public static String virtualThreadsUnavailableMessage() {
        return "virtual threads need Java " + VIRTUAL_THREADS_JAVA + " or later, but this JVM is Java "
                + Runtime.version().feature() + ": run scripts/jmh.sh with JAVA_HOME set to a Java "
                + VIRTUAL_THREADS_JAVA + "+ JDK, or pass -p executor=platform";
    }
}
