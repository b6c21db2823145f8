package org.tomcatpush.harness.client.run;

import java.util.Locale;

/**
 * The live progress line printed on stderr every few seconds, e.g.
 * {@code [  35s/60s] sessions 4980/5000  msg/s 24900  req/s 12  busy 3  queue 0  conns 5003  errors 0}.
 * Server figures are {@code -} when the last stats request failed. Stateless.
 */
public final class ProgressLine {

    private ProgressLine() {
    }

    /**
     * @param errors errors and connect failures so far, all transports
     */
    public static String format(long elapsedS, long totalS, long sessionsOpen, long sessions, double messagesPerS,
            double requestsPerS, long busyThreads, long queueLength, long serverConnections, long errors) {
        return String.format(Locale.ROOT, "[%4ds/%ds] sessions %d/%d  msg/s %d  req/s %d  busy %s  queue %s  conns %s  errors %d",
                elapsedS, totalS, sessionsOpen, sessions, Math.round(messagesPerS), Math.round(requestsPerS),
                known(busyThreads), known(queueLength), known(serverConnections), errors);
    }

    private static String known(long value) {
        return value < 0 ? "-" : Long.toString(value);
    }
}
