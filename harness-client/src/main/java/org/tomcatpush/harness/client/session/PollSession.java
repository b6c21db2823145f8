package org.tomcatpush.harness.client.session;

import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;

import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.Request;
import org.asynchttpclient.uri.Uri;
import org.tomcatpush.harness.client.accounting.ConnectionAccounting;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * A session that asks with a cursor and reads one answer per request: the common part of short and
 * long polling. It sends {@code GET endpoint?since=CURSOR} (no cursor on the first request: the
 * server answers from "newest"), reads the answer's messages and gap as the body arrives, and after
 * the answer moves its cursor to the answer's {@code last}. Subclasses decide when the next request
 * goes out. After {@code Scenario.pollsPerSession} polls (if set) the session ends by itself.
 *
 * <p>No poll is dropped from the figures: an answer is a response time; a poll without a complete
 * answer within the scenario's request timeout is abandoned (cancelled, which closes its connection,
 * or the connection still being opened before the request is written) and counted as timed out; an
 * error status or an I/O error is an error. Every failed poll records its time from the intended
 * send to the failure. A poll written
 * onto a reused connection the server closed at that moment, before any byte of an answer, is the
 * keep-alive race ({@code stale-connection}); a browser sends such a GET again, once, and so does
 * the session with {@code --browser}: the retry is one more request on the wire, timed from the
 * poll's intended send, and it is not a poll of its own.
 *
 * <p>Against a foreign application ({@code --endpoints}) no cursor is ever sent (the answers carry
 * none the session reads), every non-empty 2xx answer is one message, and a 204 is an empty answer.
 *
 * <p>It is its own {@link AsyncHandler}: one request at a time, so no per-request handler.
 */
abstract class PollSession extends Session implements AsyncHandler<Void> {

    /** {@link #requestCursor} of a request without {@code since}: the session has no cursor yet. */
    private static final long NO_CURSOR = -1;

    private final Uri endpoint;
    private final int maxPolls;
    /** Per-request timeout, 0 for none. */
    private final long requestTimeoutNanos;
    private final boolean retryStale;
    private final boolean foreign;
    private int polls;
    /** The request in flight is the retry of one caught in the keep-alive race. */
    private boolean retrying;
    /** The pooled connection the request in flight went onto, or null for a new connection. */
    private volatile Channel pooledChannel;
    /** Numbers the requests sent, so that a request timeout acts on its own request only. */
    private volatile int sends;
    private volatile Timeout requestTimeout;
    /** The request the request timeout cancelled: its cancellation is a timeout, any other a late echo. */
    private volatile ListenableFuture<Void> timedOut;
    /** The last request built and the cursor it asks from; touched by one thread at a time. */
    private Request request;
    private long requestCursor;
    private boolean answerOk;
    private long answerCursor;
    private boolean answerHasCursor;
    private volatile ListenableFuture<Void> inFlight;
    /** When the current request was meant to go out and when it did, System.nanoTime(). */
    private long intendedSendNanos;
    private long sentAtNanos;

    PollSession(SessionContext context, VirtualClient client, Transport transport) {
        super(context, client, transport);
        this.endpoint = context.endpoint(transport);
        this.maxPolls = context.scenario().pollsPerSession();
        this.requestTimeoutNanos = context.scenario().requestTimeout(transport).toNanos();
        this.retryStale = context.scenario().browser();
        this.foreign = context.foreign();
    }

    /**
     * When the next poll should go out (System.nanoTime()), given that the one meant for
     * {@code intendedSendNanos} was answered or failed at {@code nowNanos}. Responses are timed from
     * this intended time, so a late send shows in the corrected response time.
     */
    protected abstract long nextIntendedSendNanos(long intendedSendNanos, long nowNanos, boolean failed);

    @Override
    final void start() {
        markOpen();
        intendedSendNanos = System.nanoTime();
        requestExchange();
    }

    @Override
    protected final void exchange() {
        polls++;
        retrying = false;
        send();
    }

    /** Sends the current poll's request: the poll itself, or its retry. */
    private void send() {
        sentAtNanos = System.nanoTime();
        answerOk = false;
        answerHasCursor = false;
        pooledChannel = null;
        scanner.reset();
        Request request = requestForCursor();
        int send = ++sends;
        if (requestTimeoutNanos > 0) {
            // the session's own timer, not async-http-client's request timeout: that one aborts the
            // request but, while the connection is still being opened, lets it be written afterwards
            requestTimeout = context.timer().newTimeout(new RequestTimeout(send), requestTimeoutNanos,
                    TimeUnit.NANOSECONDS);
        }
        try {
            inFlight = context.client().executeRequest(request, this);
        } catch (RuntimeException e) {
            // the client is closing
            endExchange();
        }
        if (stopped()) {
            abortExchange();
        }
    }

    /**
     * The request for the session's cursor: built when the cursor moved, else the one sent last
     * (an async-http-client {@link Request} is immutable, so it may go out again). Polling faster
     * than messages arrive mostly repeats the same cursor, and then builds nothing.
     */
    private Request requestForCursor() {
        long cursor = sequence.started() ? sequence.lastSeq() : NO_CURSOR;
        if (request == null || cursor != requestCursor) {
            Uri uri = cursor == NO_CURSOR ? endpoint : endpoint.withNewQuery("since=" + cursor);
            request = client.get(uri).build();
            requestCursor = cursor;
        }
        return request;
    }

    @Override
    protected final void abortExchange() {
        ListenableFuture<Void> future = inFlight;
        if (future != null) {
            future.cancel(true);
        }
    }

    @Override
    protected final void onStopped() {
        markClosed(); // a stopped poll session polls no more
    }

    @Override
    public final void onConnectionPooled(Channel connection) {
        pooledChannel = connection;
    }

    @Override
    public final State onStatusReceived(HttpResponseStatus status) {
        int code = status.getStatusCode();
        // a foreign application may answer "nothing new" with 204 No Content: an answer, not an error
        answerOk = code == 200 || (foreign && code / 100 == 2);
        if (!answerOk) {
            return State.ABORT;
        }
        markAnswered();
        return State.CONTINUE;
    }

    @Override
    public final State onHeadersReceived(HttpHeaders headers) {
        return State.CONTINUE;
    }

    @Override
    public final State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
        scanner.feed(bodyPart.getBodyByteBuf());
        return State.CONTINUE;
    }

    @Override
    public final void onCursor(long lastSeq) {
        // "last" comes before the messages in the answer: apply it once they have been read
        answerCursor = lastSeq;
        answerHasCursor = true;
    }

    @Override
    public final Void onCompleted() {
        inFlight = null;
        cancelRequestTimeout();
        long nowNanos = System.nanoTime();
        if (!answerOk) {
            recorder.error();
            recorder.requestFailed((nowNanos - intendedSendNanos) / 1_000);
        } else {
            scanner.end();
            if (answerHasCursor) {
                super.onCursor(answerCursor);
            }
            recorder.responseTime((nowNanos - intendedSendNanos) / 1_000, (nowNanos - sentAtNanos) / 1_000);
        }
        next(!answerOk, nowNanos);
        return null;
    }

    @Override
    public final void onThrowable(Throwable failure) {
        boolean cancelled = failure instanceof CancellationException;
        if (cancelled && !stopped() && (inFlight == null || inFlight != timedOut)) {
            return; // the timeout lost a race with the answer: that request is over already
        }
        inFlight = null;
        cancelRequestTimeout();
        if (stopped()) {
            endExchange();
            return;
        }
        long nowNanos = System.nanoTime();
        long failureMicros = (nowNanos - intendedSendNanos) / 1_000;
        if (cancelled) {
            recorder.requestTimedOut(failureMicros);
        } else if (stale()) {
            recorder.staleConnectionError();
            recorder.requestFailed(failureMicros);
            if (retryStale && !retrying) {
                retrying = true;
                recorder.requestRetried();
                send(); // the stale connection is gone from the pool: the retry takes another
                return;
            }
        } else if (!recordFailure(failure)) {
            recorder.requestFailed(failureMicros);
        }
        next(true, nowNanos);
    }

    private void cancelRequestTimeout() {
        Timeout timeout = requestTimeout;
        if (timeout != null) {
            timeout.cancel();
        }
    }

    /** Abandons one request still unanswered at the request timeout. */
    private final class RequestTimeout implements TimerTask {

        private final int send;

        RequestTimeout(int send) {
            this.send = send;
        }

        @Override
        public void run(Timeout timeout) {
            ListenableFuture<Void> future = inFlight;
            if (send == sends && future != null && !future.isDone()) {
                timedOut = future;
                // closes the connection, or has async-http-client close it once opened instead of
                // writing the request; calls onThrowable with a CancellationException
                future.cancel(true);
            }
        }
    }

    /** Whether the request in flight failed in the keep-alive race; called on its connection's event loop. */
    private boolean stale() {
        Channel channel = pooledChannel;
        return channel != null && ConnectionAccounting.isStaleExchange(channel);
    }

    private void next(boolean failed, long nowNanos) {
        endExchange();
        if (stopped()) {
            return;
        }
        if (maxPolls > 0 && polls >= maxPolls) {
            markClosed();
            return;
        }
        intendedSendNanos = nextIntendedSendNanos(intendedSendNanos, nowNanos, failed);
        requestExchangeAfter(intendedSendNanos - nowNanos);
    }
}
