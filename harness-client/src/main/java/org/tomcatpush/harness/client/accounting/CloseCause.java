package org.tomcatpush.harness.client.accounting;

/** Why a TCP connection closed, as classified by the client. Names are those of {@code summary.csv}. */
public enum CloseCause {
    /** The server answered {@code Connection: close} on the connection's {@code maxKeepAliveRequests}-th response. */
    KEEPALIVE_LIMIT("keepalive-limit"),
    /** The server closed an idle kept-alive connection (no request in flight). */
    IDLE_TIMEOUT("idle-timeout"),
    /** The server closed it for another reason ({@code Connection: close} before the limit, a stream cut, ...). */
    SERVER_OTHER("server-other"),
    /** The client closed it (end of run, session stopped). */
    CLIENT("client"),
    /** An I/O error (reset, protocol error) ended it. */
    ERROR("error"),
    /**
     * The keep-alive race: a request was written onto a reused connection (one that already carried
     * a complete exchange) that the server was closing at that moment, and the connection ended,
     * closed by the server or reset, before any byte of the answer arrived. Browsers retry such an
     * idempotent GET once on another connection.
     */
    STALE_CONNECTION("stale-connection");

    private final String label;

    CloseCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
