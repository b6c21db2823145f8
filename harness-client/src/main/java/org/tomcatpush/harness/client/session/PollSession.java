package org.tomcatpush.harness.client.session;

import io.netty.handler.codec.http.HttpHeaders;

import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.uri.Uri;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * A session that asks with a cursor and reads one answer per request: the common part of short and
 * long polling. It sends {@code GET endpoint?since=CURSOR} (no cursor on the first request: the
 * server answers from "newest"), reads the answer's messages and gap as the body arrives, and after
 * the answer moves its cursor to the answer's {@code last}. Subclasses decide when the next request
 * goes out. After {@code Scenario.pollsPerSession} polls (if set) the session ends by itself.
 *
 * <p>It is its own {@link AsyncHandler}: one request at a time, so no per-request handler.
 */
abstract class PollSession extends Session implements AsyncHandler<Void> {

    private final Uri endpoint;
    private final int maxPolls;
    private int polls;
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
        sentAtNanos = System.nanoTime();
        answerOk = false;
        answerHasCursor = false;
        scanner.reset();
        polls++;
        Uri uri = sequence.started() ? endpoint.withNewQuery("since=" + sequence.lastSeq()) : endpoint;
        try {
            inFlight = context.client().executeRequest(client.get(uri).build(), this);
        } catch (RuntimeException e) {
            // the client is closing
            endExchange();
        }
        if (stopped()) {
            abortExchange();
        }
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
    public final State onStatusReceived(HttpResponseStatus status) {
        answerOk = status.getStatusCode() == 200;
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
        long nowNanos = System.nanoTime();
        if (!answerOk) {
            recorder.error();
        } else {
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
        inFlight = null;
        if (stopped()) {
            endExchange();
            return;
        }
        recordFailure(failure);
        next(true, System.nanoTime());
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
