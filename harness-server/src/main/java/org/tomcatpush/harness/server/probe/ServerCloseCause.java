package org.tomcatpush.harness.server.probe;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Why the server closed (or gave up on) a connection, as far as the server can see it. The
 * {@link #key()} is the field name in {@code /harness/stats}' {@code serverCloses} object; the
 * client's summary columns are {@code server_closes_} plus the key in snake case (the keep-alive
 * limit is its existing {@code server_closed_keepalive_limit}).
 */
public enum ServerCloseCause {
    /** A response said {@code Connection: close} because it was the connection's {@code maxKeepAliveRequests}-th. */
    KEEP_ALIVE_LIMIT("keepAliveLimit"),
    /**
     * A response said {@code Connection: close} before the limit (Tomcat does after an error status
     * such as 400 or 500, or when the request asked for it), or a WebSocket session was refused
     * with close code 1003 (a bad {@code since}).
     */
    CLOSING_RESPONSE("closingResponse"),
    /** The server ended a WebSocket session itself with a close frame (it was stopping). */
    STREAM_END("streamEnd"),
    /**
     * A stream or answer was cut because the client did not read it: a write that could not go out
     * within Tomcat's write timeout ({@code connectionTimeout}), or an async timeout while the
     * client's socket was full.
     */
    SLOW_CONSUMER("slowConsumer"),
    /** A write failed (the connection was reset or already gone) and the server abandoned the stream. */
    WRITE_FAILURE("writeFailure"),
    /** Anything else that ended a request or session in error (a container error, an unexpected exception). */
    ERROR("error");

    private final String key;

    ServerCloseCause(String key) {
        this.key = key;
    }

    /** The field name in {@code /harness/stats}. */
    public String key() {
        return key;
    }

    /**
     * The cause of a failed write or an error event: a timeout anywhere in the chain is a slow
     * consumer, another I/O failure a write failure, anything else an error.
     */
    public static ServerCloseCause ofFailure(Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return SLOW_CONSUMER;
            }
            io |= t instanceof IOException;
        }
        return io ? WRITE_FAILURE : ERROR;
    }
}
