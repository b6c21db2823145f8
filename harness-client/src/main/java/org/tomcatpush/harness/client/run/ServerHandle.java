package org.tomcatpush.harness.client.run;

import java.net.URI;
import java.util.Optional;

/**
 * The server a run drives: one the harness started in a child JVM, or a running one given with
 * {@code --target}. Closing stops a child and does nothing to a running target.
 */
interface ServerHandle extends AutoCloseable {

    /** The workload connector, where the sessions go. */
    URI baseUri();

    /** The control connector, where every {@code /harness/*} request goes (stats, reset, publish); {@code null} for a foreign application. */
    URI controlUri();

    /** Why the server can no longer serve the run (a child that exited), or empty while it can. */
    Optional<String> failure();

    /** The token the server's control endpoints need, or {@code null} when they need none. */
    default String controlToken() {
        return null;
    }

    /** The child's process id, -1 for a running target. */
    long pid();

    /** {@code child}, {@code target} or {@code foreign} (a {@code --target} with {@code --endpoints}), as written in run.json. */
    String mode();

    @Override
    void close();
}
