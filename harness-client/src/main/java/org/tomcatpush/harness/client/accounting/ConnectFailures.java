package org.tomcatpush.harness.client.accounting;

import java.net.ConnectException;
import java.util.Locale;

import io.netty.channel.ConnectTimeoutException;

/** Tells a failed TCP connect, and of which kind, from any other failure of a request. */
public final class ConnectFailures {

    private ConnectFailures() {
    }

    /**
     * The kind of connect failure behind {@code failure} (looking through its causes), or
     * {@code null} when the connection was established and the failure came later.
     */
    public static ConnectFailureKind kindOf(Throwable failure) {
        ConnectException deepest = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException) {
                return ConnectFailureKind.TIMEOUT;
            }
            if (t instanceof ConnectException) {
                deepest = (ConnectException) t;
            }
        }
        if (deepest == null) {
            return null;
        }
        String message = deepest.getMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("refused")) {
            return ConnectFailureKind.REFUSED;
        }
        if (message != null && message.toLowerCase(Locale.ROOT).contains("timed out")) {
            return ConnectFailureKind.TIMEOUT;
        }
        return ConnectFailureKind.OTHER;
    }
}
