package org.tomcatpush.harness.client.cli;

import java.util.concurrent.Callable;

import org.tomcatpush.harness.server.config.ServerOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code harness server}: harness-server in the foreground, with the same flags as harness-server itself. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = HarnessVersion.class,
        usageHelpWidth = 110, customSynopsis = "harness server [OPTIONS]",
        description = {"Runs harness-server in the foreground until Ctrl-C or SIGTERM; prints"
                + " 'LISTENING http://HOST:PORT' when ready."})
final class ServerCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() {
        server.toConfig();
        throw new UnsupportedOperationException("not yet wired to the server");
    }
}
