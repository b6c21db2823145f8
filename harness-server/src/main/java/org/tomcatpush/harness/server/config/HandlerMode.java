package org.tomcatpush.harness.server.config;

/**
 * How the push endpoints wait for messages: {@code async} releases the container thread while a
 * request waits (Servlet {@code AsyncContext}) and writes on the harness's own threads (the hub's
 * fan-out, the session timer); {@code async-container} waits the same way but runs every write
 * through {@code AsyncContext.start()}, on Tomcat's worker pool, as Tomcat's own async API does
 * (experiment E11); {@code blocking} keeps the request's thread for as long as the request lives,
 * which is what experiment E4 contrasts. WebSocket has no {@code AsyncContext}: {@code /ws} runs
 * as in {@code async} under {@code async-container} (the client refuses ws runs in that mode).
 */
public enum HandlerMode {
    ASYNC("async"),
    BLOCKING("blocking"),
    ASYNC_CONTAINER("async-container");

    private final String cliName;

    HandlerMode(String cliName) {
        this.cliName = cliName;
    }

    /** True for the modes that release the container thread while a request waits. */
    public boolean releasesThread() {
        return this != BLOCKING;
    }

    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }
}
