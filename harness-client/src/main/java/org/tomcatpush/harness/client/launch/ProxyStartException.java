package org.tomcatpush.harness.client.launch;

/** nginx did not start serving; the message is one line for the user. Nothing is left running. */
public final class ProxyStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProxyStartException(String message) {
        super(message, null, false, false);
    }
}
