package org.tomcatpush.harness.client.accounting;

/** Why a TCP connection closed, as classified by the client. Names are those of {@code summary.csv}. */
public enum CloseCause {
    /** The server answered {@code Connection: close} on the connection's {@code maxKeepAliveRequests}-th response. */
    KEEPALIVE_LIMIT,
    /** The server closed an idle kept-alive connection (no request in flight). */
    IDLE_TIMEOUT,
    /** The server closed it for another reason ({@code Connection: close} before the limit, a stream cut, ...). */
    SERVER_OTHER,
    /** The client closed it (end of run, session stopped). */
    CLIENT,
    /** An I/O error (reset, protocol error) ended it. */
    ERROR,
    /**
     * The keep-alive race: a request was written onto a reused connection (one that already carried
     * a complete exchange) that the server was closing at that moment, and the connection ended,
     * closed by the server or reset, before any byte of the answer arrived. Browsers retry such an
     * idempotent GET once on another connection.
     */
    STALE_CONNECTION;

    private final String label = EnumLabels.kebab(name());

    /** As {@code summary.csv}, the CLI and the report name it, e.g. {@code keepalive-limit}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
