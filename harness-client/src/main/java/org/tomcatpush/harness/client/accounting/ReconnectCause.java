package org.tomcatpush.harness.client.accounting;

/**
 * Why a long-lived session (SSE, WebSocket) had to open its stream again: the cause of the stream
 * end before a reconnection made (the stream request or upgrade that re-opened it). Long and short
 * polls issue new requests by design and are not reconnects; their connection churn is counted by
 * {@link CloseCause}.
 */
public enum ReconnectCause {
    /** The server ended the response or closed the WebSocket normally (e.g. {@code --sse-timeout}). */
    STREAM_ENDED,
    /** The connection under the stream closed without the stream ending (keep-alive limit, idle timeout, reset). */
    CONNECTION_LOST,
    /** The attempt before could not open the stream: connect failure or an error status. */
    ERROR,
    /**
     * The server refused the session's resume point as ahead of its newest message: its sequence
     * restarted (a new server on the same address). The session starts a new epoch from sequence 0.
     */
    SEQUENCE_RESET;

    private final String label = EnumLabels.kebab(name());

    /** As {@code summary.csv}, the CLI and the report name it, e.g. {@code stream-ended}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
