package org.tomcatpush.harness.client.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.ConnectException;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

/** A failed request is a connect failure of a kind, or not a connect failure at all. */
class ConnectFailuresTest {

    /** async-http-client wraps the transport's exception in its own ConnectException. */
    private static ConnectException wrapped(Throwable cause) {
        ConnectException e = new ConnectException(cause.getMessage());
        e.initCause(cause);
        return e;
    }

    @Test
    void refusedConnectIsRefused() {
        assertEquals(ConnectFailureKind.REFUSED,
                ConnectFailures.kindOf(wrapped(new ConnectException("finishConnect(..) failed: Connection refused"))));
    }

    @Test
    void connectTimeoutIsTimeout() {
        assertEquals(ConnectFailureKind.TIMEOUT,
                ConnectFailures.kindOf(wrapped(new ConnectTimeoutException("connection timed out after 100 ms"))));
    }

    @Test
    void otherConnectFailureIsOther() {
        assertEquals(ConnectFailureKind.OTHER, ConnectFailures.kindOf(wrapped(new ConnectException("No route to host"))));
    }

    @Test
    void failureAfterConnectingIsNoConnectFailure() {
        assertNull(ConnectFailures.kindOf(new IOException("Connection reset by peer")));
    }
}
