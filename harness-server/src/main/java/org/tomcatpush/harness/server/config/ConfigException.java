package org.tomcatpush.harness.server.config;

/**
 * A bad configuration value. The message is one line that names the input and says how to fix
 * it; command-line front ends print it and exit with status 2, without a stack trace.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
