package org.tomcatpush.harness.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.tomcatpush.harness.server.config.ConfigException;
import org.tomcatpush.harness.server.config.ServerConfig;
import org.tomcatpush.harness.server.config.ServerOptions;
import org.tomcatpush.harness.server.probe.ControlAccess;
import org.tomcatpush.harness.server.probe.StatsReport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar harness-server.jar [options]}: starts the server and, once it accepts
 * connections, prints on stdout {@code CONTROL http://HOST:PORT} (the control connector, which
 * serves {@code /harness/*}), {@code CONTROL-TOKEN <hex>} when the control endpoints are guarded
 * by a random token (not when {@code --control-token-file} gave it: its holder has it already),
 * and last {@code LISTENING http://HOST:PORT} (the workload connector); it runs until SIGTERM
 * (or, with {@code --exit-on-stdin-eof}, until its standard input closes, so that a server started
 * by another JVM dies with it). Bad input prints one line {@code harness-server: <message>} on
 * stderr and exits with status 2.
 */
@Command(name = "harness-server", sortOptions = false, usageHelpAutoWidth = true,
        description = "Embedded Apache Tomcat with every connector knob, four push transports "
                + "(/poll, /longpoll, /sse, /ws) and live probes (/harness/stats on a control connector of its own).",
        footer = "%nPrints 'CONTROL http://HOST:PORT' (the control connector) and then 'LISTENING http://HOST:PORT'"
                + " (the workload connector) once ready; stops on SIGTERM.%nTime flags (MS) take milliseconds, as"
                + " Tomcat's attributes do, or a value with a unit: 500ms, 30s, 2m, 1h.")
public final class ServerMain {

    /** Exit status for bad input. */
    public static final int EXIT_BAD_INPUT = 2;

    /** Start-up line that gives the control connector ({@code /harness/*}); printed before {@link #LISTENING_PREFIX}. */
    public static final String CONTROL_PREFIX = "CONTROL ";

    /** Start-up line that gives the workload connector; the last line the server prints. */
    public static final String LISTENING_PREFIX = "LISTENING ";

    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--exit-on-stdin-eof",
            description = "Stop when standard input reaches end of file (for a server started by another process).")
    boolean exitOnStdinEof;

    @Option(names = "--require-control-token", description = "Guard the /harness/* endpoints with a token"
            + " even on a loopback bind (a non-loopback --host always gets one): the server prints"
            + " 'CONTROL-TOKEN <hex>' before LISTENING, and control requests must send it in the X-Harness-Token"
            + " header or ?token=.")
    boolean requireControlToken;

    @Option(names = "--control-token-file", paramLabel = "PATH", description = "Guard the /harness/* endpoints"
            + " (on any --host) with the token held in this file instead of a random one, e.g. a Kubernetes Secret"
            + " mounted as a file, so that agents given it with harness run --control-token know it before the"
            + " server starts. Surrounding whitespace is ignored; 16 to 256 visible ASCII characters"
            + " (openssl rand -hex 16). No CONTROL-TOKEN line is printed. Default: none.")
    Path controlTokenFile;

    @Option(names = "--jmx-port", paramLabel = "N", description = "Register Tomcat's MBeans and serve them over a"
            + " JMX RMI connector on 127.0.0.1:N only (service:jmx:rmi:///jndi/rmi://127.0.0.1:N/jmxrmi), so that"
            + " harness run --jmx can read them as it would any Tomcat's. Default: none (no MBeans).")
    Integer jmxPort;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the Tomcat version and exit.")
    boolean version;

    /**
     * What a command line asks for, as {@link #main} reads it.
     *
     * @param config           the server's settings
     * @param controlTokenFile the file that holds the control token, or {@code null} for none
     * @param tokenRequired    whether {@code /harness/*} is guarded (a token file, {@code
     *                         --require-control-token}, or a bind address off loopback)
     * @param jmxPort          the JMX connector's port, or {@code null} for none
     */
    public record Settings(ServerConfig config, Path controlTokenFile, boolean tokenRequired, Integer jmxPort) {
    }

    /**
     * Parses a command line (without help or version flags) the way {@link #main} does, for
     * callers that check a command line without starting a server (a deployment's manifest).
     *
     * @throws ConfigException with the one line {@code harness-server} prints for bad input
     */
    public static Settings parse(String... args) {
        ServerMain command = new ServerMain();
        try {
            new CommandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(oneLine(e.getMessage()) + " (harness-server --help lists every option)");
        }
        return command.settings();
    }

    private Settings settings() {
        ServerConfig config = options.toConfig();
        if (jmxPort != null && (jmxPort < 1 || jmxPort > 65535)) {
            throw new ConfigException("--jmx-port must be between 1 and 65535, got " + jmxPort);
        }
        return new Settings(config, controlTokenFile,
                controlTokenFile != null || requireControlToken || ControlAccess.needsToken(config.host()), jmxPort);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the server until it is stopped.
     *
     * @return 0 after a clean stop (or help), {@value #EXIT_BAD_INPUT} for bad input
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ServerMain command = new ServerMain();
        CommandLine cl = new CommandLine(command);
        Settings settings;
        ControlAccess controlAccess;
        try {
            cl.parseArgs(args);
            if (cl.isUsageHelpRequested()) {
                cl.usage(out);
                return 0;
            }
            if (cl.isVersionHelpRequested()) {
                out.println("harness-server on Apache Tomcat " + StatsReport.tomcatVersion());
                return 0;
            }
            settings = command.settings();
            controlAccess = !settings.tokenRequired() ? null : settings.controlTokenFile() != null
                    ? ControlAccess.fromFile(settings.controlTokenFile()) : ControlAccess.withRandomToken();
        } catch (CommandLine.ParameterException e) {
            return badInput(err, oneLine(e.getMessage()) + " (harness-server --help lists every option)");
        } catch (ConfigException e) {
            return badInput(err, e.getMessage());
        }

        ServerConfig config = settings.config();
        JmxAgent jmx = null;
        HarnessServer server;
        try {
            jmx = command.jmxPort == null ? null : JmxAgent.start(command.jmxPort);
            server = HarnessServer.start(config, controlAccess, jmx != null);
        } catch (ConfigException e) {
            if (jmx != null) {
                jmx.close();
            }
            return badInput(err, e.getMessage());
        }
        Thread hook = new Thread(server::close, "harness-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (command.exitOnStdinEof) {
            watchStdin(System.in, server);
        }
        out.println(CONTROL_PREFIX + server.controlUri());
        if (controlAccess != null && settings.controlTokenFile() == null) {
            out.println(ControlAccess.LINE_PREFIX + controlAccess.token());
        }
        out.println(LISTENING_PREFIX + server.baseUri());
        out.flush();
        try {
            while (!server.awaitClosed(1, TimeUnit.HOURS)) {
                // the server runs until SIGTERM, stdin EOF or close()
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is what stopped the server
        }
        if (jmx != null) {
            jmx.close();
        }
        return 0;
    }

    private static void watchStdin(InputStream in, HarnessServer server) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // input is ignored: only its end matters
                }
            } catch (IOException e) {
                // a broken stdin means the parent is gone as well
            }
            server.close();
        }, "harness-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static int badInput(PrintStream err, String message) {
        err.println("harness-server: " + message);
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
