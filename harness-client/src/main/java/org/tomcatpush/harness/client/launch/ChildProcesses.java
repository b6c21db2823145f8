package org.tomcatpush.harness.client.launch;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The two steps every child process the client starts (the server JVM, nginx) shares on its way
 * out: closing the pipe the child watches, and removing the shutdown hook that would otherwise
 * stop it a second time. Stateless.
 */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** Closes the child's stdin (it stops when it reads end of file); a failure means it is gone already. */
    static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the child is being stopped anyway
        }
    }

    /** Removes {@code hook}; harmless while the JVM shuts down, when the hook stops the child itself. */
    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the child itself
        }
    }
}
