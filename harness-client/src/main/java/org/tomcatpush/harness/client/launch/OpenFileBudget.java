package org.tomcatpush.harness.client.launch;

import java.util.Optional;

import org.tomcatpush.harness.client.scenario.Scenario;

/**
 * How many file descriptors a run needs, per process, and whether the open-file limit allows it.
 * A session holds at most one client socket at a time (with browser emulation a virtual browser
 * holds at most six, shared by its sessions); the server holds the other end of each socket,
 * capped by its {@code maxConnections}. Each JVM also needs a fixed allowance for jars, epoll
 * and pipes. A server in a child JVM has a limit of its own, equal to the client's (same user,
 * same shell), so both figures are checked against the one limit. Immutable.
 *
 * @param sessions    sessions the run opens
 * @param clientFiles descriptors the client JVM needs
 * @param serverFiles descriptors the server JVM needs, 0 when the server is not on this machine's limit
 */
public record OpenFileBudget(int sessions, long clientFiles, long serverFiles) {

    /** Descriptors a JVM uses before any connection: jars, epoll, pipes, logs. */
    public static final int JVM_ALLOWANCE = 100;

    /**
     * Estimates the budget of a run.
     *
     * @param sessions              sessions the run opens
     * @param browser               browser emulation on (each virtual browser holds at most six connections)
     * @param sessionsPerBrowser    sessions per virtual browser (with {@code browser})
     * @param serverInChild         the harness starts the server in a child JVM on this machine
     * @param serverMaxConnections  the server's {@code maxConnections}, -1 = unlimited
     */
    public static OpenFileBudget estimate(int sessions, boolean browser, int sessionsPerBrowser,
            boolean serverInChild, int serverMaxConnections) {
        long sockets = sessions;
        if (browser) {
            long browsers = (sessions + (long) sessionsPerBrowser - 1) / sessionsPerBrowser;
            sockets = Math.min(sessions, browsers * Scenario.BROWSER_CONNECTIONS_PER_ORIGIN);
        }
        long serverSockets = serverMaxConnections < 0 ? sockets : Math.min(sockets, serverMaxConnections);
        return new OpenFileBudget(sessions, sockets + JVM_ALLOWANCE, serverInChild ? serverSockets + JVM_ALLOWANCE : 0);
    }

    /** The larger of the two processes' needs. */
    public long neededFiles() {
        return Math.max(clientFiles, serverFiles);
    }

    /**
     * The one-line complaint when {@code softLimit} is too low, else empty. The suggested limit
     * leaves room for twice the estimate, rounded up to a multiple of 5000.
     */
    public Optional<String> check(long softLimit) {
        long needed = neededFiles();
        if (needed <= softLimit) {
            return Optional.empty();
        }
        long suggested = ((needed * 2 + 4_999) / 5_000) * 5_000;
        return Optional.of(sessions + " sessions need about " + needed + " open files but the limit is " + softLimit
                + ": raise it with `ulimit -n " + suggested + "` or run fewer sessions");
    }
}
