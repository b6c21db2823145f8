package org.tomcatpush.harness.client.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to start a harness server in a child JVM. Immutable.
 *
 * @param javaBinary    the {@code java} executable to run
 * @param heap          the server's maximum heap as for {@code -Xmx} (e.g. {@code 1g}), or {@code null} for the JVM default
 * @param classpath     the class path of the child: the client's own, which holds the server classes
 * @param mainClass     the server's main class
 * @param serverArgs    the server's flags ({@code ServerOptions.toArgs})
 * @param listenTimeout how long to wait for the {@code LISTENING} line
 */
public record ServerLaunch(Path javaBinary, String heap, String classpath, String mainClass,
        List<String> serverArgs, Duration listenTimeout) {

    /** The harness server's entry point. */
    public static final String SERVER_MAIN = "org.tomcatpush.harness.server.ServerMain";

    /** ServerMain flag: stop when stdin closes, so the server dies with the client whatever happens. */
    public static final String EXIT_ON_STDIN_EOF = "--exit-on-stdin-eof";

    public ServerLaunch {
        Objects.requireNonNull(javaBinary, "javaBinary");
        Objects.requireNonNull(classpath, "classpath");
        Objects.requireNonNull(mainClass, "mainClass");
        serverArgs = List.copyOf(serverArgs);
        Objects.requireNonNull(listenTimeout, "listenTimeout");
    }

    /** A launch of {@link #SERVER_MAIN} on this JVM's class path. */
    public static ServerLaunch of(Path javaBinary, String heap, List<String> serverArgs, Duration listenTimeout) {
        return new ServerLaunch(javaBinary, heap, System.getProperty("java.class.path"), SERVER_MAIN, serverArgs,
                listenTimeout);
    }

    /** The {@code java} of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The full command line of the child. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary.toString());
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add(EXIT_ON_STDIN_EOF);
        command.addAll(serverArgs);
        return command;
    }
}
