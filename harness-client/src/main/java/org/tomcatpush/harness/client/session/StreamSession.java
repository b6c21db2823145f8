package org.tomcatpush.harness.client.session;

import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * A session that holds one long-lived stream (SSE, WebSocket) and opens it again whenever it ends,
 * after a reconnect delay, resuming from the last message it has. The session counts as open while
 * its stream is.
 *
 * <p>Each end of a stream (or of an attempt to open it) while the run goes on counts one stream
 * end, and its cause is remembered: {@link ReconnectCause#STREAM_ENDED} when the server ended it
 * cleanly, {@link ReconnectCause#CONNECTION_LOST} when it broke after it had opened,
 * {@link ReconnectCause#ERROR} when it could not open (connect failure or bad answer, also
 * recorded as such), {@link ReconnectCause#SEQUENCE_RESET} when the server refused the resume
 * point. A reconnect is counted, with the cause of the latest end, only when the next stream
 * request is written ({@link #streamRequestSent()}): reconnects are reconnections made. A stream
 * end after which the run stopped is none, and neither is a retry whose connect fails (its connect
 * failure and stream end are counted instead). Hence, per session that sent a stream request,
 * reconnects = its stream requests - 1.
 */
abstract class StreamSession extends Session {

    /** Per attempt: the stream opened / its end has been accounted for. Touched by one thread at a time. */
    private boolean streamOpen;
    private boolean attemptOver;
    /** How long to wait before opening the stream again: the scenario's delay until the server says otherwise. */
    private long reconnectDelayNanos;
    /** Why the last attempt ended, until the next stream request goes out; {@code null} before the first request. */
    private ReconnectCause endedFor;
    private boolean requestedOnce;

    StreamSession(SessionContext context, VirtualClient client, Transport transport) {
        super(context, client, transport);
        this.reconnectDelayNanos = context.scenario().sseReconnectDelay().toNanos();
    }

    /** The server asked for another reconnect delay (SSE {@code retry:}). */
    protected final void reconnectDelayMs(long delayMs) {
        reconnectDelayNanos = delayMs * 1_000_000L;
    }

    @Override
    final void start() {
        requestExchange();
    }

    /** Call when a new attempt to open the stream begins. */
    protected final void attemptStarted() {
        streamOpen = false;
        attemptOver = false;
    }

    /** Call when the server accepted the stream. */
    protected final void streamOpened() {
        streamOpen = true;
        markAnswered();
        markOpen();
    }

    /**
     * Call when the attempt's stream request (or upgrade) is written to a connection: every one but
     * the session's first is a reconnection made, counted by the cause of the end before it. It
     * is counted even if the run stops at that instant, as the request it stands for is.
     */
    protected final void streamRequestSent() {
        if (requestedOnce) {
            recorder.reconnect(endedFor != null ? endedFor : ReconnectCause.ERROR);
            endedFor = null;
        }
        requestedOnce = true;
    }

    protected final boolean streamOpen() {
        return streamOpen;
    }

    /**
     * Call when the server refused the resume point as ahead of its newest message (SSE {@code 400},
     * WebSocket close {@code 1003}): its sequence restarted, so the session counts a
     * {@link ReconnectCause#SEQUENCE_RESET}, starts a new epoch and asks for everything from 0.
     */
    protected final void cursorRefused() {
        if (attemptOver) {
            return;
        }
        attemptOver = true;
        endExchange();
        markClosed();
        if (stopped()) {
            return;
        }
        sequence.restartEpoch();
        epochRestarted();
        ended(ReconnectCause.SEQUENCE_RESET);
        requestExchangeAfter(reconnectDelayNanos);
    }

    /** The session's resume point went back to 0: a transport that keeps its own cursor resets it here. */
    protected void epochRestarted() {
    }

    /**
     * Call when the stream (or the attempt to open it) is over; only the first call of an attempt
     * counts.
     *
     * @param endedCleanly the server ended the stream properly (end of response, close frame)
     * @param failure      what went wrong, or {@code null}
     */
    protected final void streamOver(boolean endedCleanly, Throwable failure) {
        if (attemptOver) {
            return;
        }
        attemptOver = true;
        endExchange();
        markClosed();
        if (stopped()) {
            return;
        }
        ReconnectCause cause;
        if (!streamOpen) {
            cause = ReconnectCause.ERROR;
            if (failure != null) {
                recordFailure(failure);
            } else {
                recorder.error();
            }
        } else {
            cause = endedCleanly ? ReconnectCause.STREAM_ENDED : ReconnectCause.CONNECTION_LOST;
        }
        ended(cause);
        requestExchangeAfter(reconnectDelayNanos);
    }

    private void ended(ReconnectCause cause) {
        recorder.streamEnded();
        endedFor = cause;
    }
}
