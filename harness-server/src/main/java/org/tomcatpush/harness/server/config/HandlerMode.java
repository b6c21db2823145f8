package org.tomcatpush.harness.server.config;

/**
 * How the push endpoints wait for messages: {@code async} releases the container thread while a
 * request waits (Servlet {@code AsyncContext}); {@code blocking} keeps the request's thread for as
 * long as the request lives, which is what experiment E4 contrasts.
 */
public enum HandlerMode {
    ASYNC("async"),
    BLOCKING("blocking");

    private final String cliName;

    HandlerMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
