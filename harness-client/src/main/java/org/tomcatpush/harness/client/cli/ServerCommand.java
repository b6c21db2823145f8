package org.tomcatpush.harness.client.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.server.ServerMain;
import org.tomcatpush.harness.server.config.ServerOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code harness server}: harness-server in the foreground, with the same flags as harness-server
 * itself. The flags are validated here first (bad input: one {@code harness:} line, exit 2), then
 * handed unchanged to {@link ServerMain}, which runs until SIGTERM or Ctrl-C and ends the JVM.
 */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = HarnessVersion.class,
        usageHelpWidth = 110, customSynopsis = "harness server [OPTIONS]",
        description = {"Runs harness-server in the foreground until Ctrl-C or SIGTERM; prints"
                + " 'CONTROL http://HOST:PORT' (where /harness/* is served) and then 'LISTENING http://HOST:PORT'"
                + " when ready.", "Time flags (MS) take milliseconds, as Tomcat's attributes do, or a value with a unit:"
                + " 500ms, 30s, 2m, 1h."})
final class ServerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server;

    @Option(names = "--jmx-port", paramLabel = "N", description = "Register Tomcat's MBeans and serve them over a JMX"
            + " RMI connector on 127.0.0.1:N only, for harness run --endpoints ... --jmx. Default: none.")
    Integer jmxPort;

    @Option(names = "--control-token-file", paramLabel = "PATH", description = "Guard /harness/* with the token in"
            + " this file (16 to 256 visible ASCII characters, e.g. openssl rand -hex 16) instead of a random one, so"
            + " that agents on other machines can be given it (harness run --control-token) before the server starts."
            + " Default: none.")
    java.nio.file.Path controlTokenFile;

    @Override
    public Integer call() {
        server.toConfig();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        ServerMain.main(args.subList(args.indexOf(spec.name()) + 1, args.size()).toArray(String[]::new));
        return ExitStatus.OK; // not reached: ServerMain ends the JVM with the server's exit status
    }
}
