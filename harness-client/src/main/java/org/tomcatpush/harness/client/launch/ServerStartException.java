package org.tomcatpush.harness.client.launch;

/**
 * The server JVM did not come up: it exited before printing {@code LISTENING}, or stayed silent
 * past the listen timeout. The message is one line for the user; {@link #badInput()} tells a
 * server that refused its options (exit status 2, e.g. port in use) from one that failed.
 */
public final class ServerStartException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean badInput;

    public ServerStartException(String message, boolean badInput) {
        super(message, null, false, false);
        this.badInput = badInput;
    }

    /** The server exited with status 2: its options (or the port) were refused. */
    public boolean badInput() {
        return badInput;
    }
}
