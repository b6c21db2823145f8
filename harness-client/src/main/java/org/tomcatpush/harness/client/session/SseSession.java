package org.tomcatpush.harness.client.session;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.ListenableFuture;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.netty.request.NettyRequest;
import org.asynchttpclient.uri.Uri;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Server-Sent Events ({@code GET /sse}) as a browser's {@code EventSource} does them: the stream is
 * parsed as it arrives, {@code retry:} replaces the reconnect delay (the scenario's until then), and
 * when the stream ends or breaks the session waits that delay and reconnects with
 * {@code Last-Event-ID}, so the server replays what was published in between.
 */
final class SseSession extends StreamSession implements AsyncHandler<Void>, SseParser.Listener {

    private static final String LAST_EVENT_ID = "Last-Event-ID";

    private final Uri endpoint;
    private final SseParser parser = new SseParser(this);
    private boolean statusOk;
    private volatile ListenableFuture<Void> inFlight;

    SseSession(SessionContext context, VirtualClient client) {
        super(context, client, Transport.SSE);
        this.endpoint = context.endpoint(Transport.SSE);
    }

    @Override
    protected void exchange() {
        attemptStarted();
        parser.startStream();
        statusOk = false;
        RequestBuilder request = client.get(endpoint)
                .setHeader(HttpHeaderNames.ACCEPT, "text/event-stream")
                .setHeader(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        String lastEventId = parser.lastEventId();
        if (!lastEventId.isEmpty()) {
            request.setHeader(LAST_EVENT_ID, lastEventId);
        }
        try {
            inFlight = context.client().executeRequest(request.build(), this);
        } catch (RuntimeException e) {
            streamOver(false, e); // the client is closing
            return;
        }
        if (stopped()) {
            abortExchange();
        }
    }

    @Override
    protected void abortExchange() {
        ListenableFuture<Void> future = inFlight;
        if (future != null) {
            future.cancel(true);
        }
    }

    @Override
    public void onRequestSend(NettyRequest request) {
        streamRequestSent();
    }

    @Override
    public State onStatusReceived(HttpResponseStatus status) {
        statusOk = status.getStatusCode() == 200;
        if (status.getStatusCode() == 400 && sequence.started()) {
            cursorRefused(); // the only 400 a resuming stream gets: Last-Event-ID ahead of the server
            return State.ABORT;
        }
        if (!statusOk) {
            return State.ABORT;
        }
        streamOpened();
        return State.CONTINUE;
    }

    @Override
    protected void epochRestarted() {
        parser.resetLastEventId("0");
    }

    @Override
    public State onHeadersReceived(HttpHeaders headers) {
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart bodyPart) {
        parser.feed(bodyPart.getBodyByteBuf());
        return State.CONTINUE;
    }

    @Override
    public void onEvent(SseParser event) {
        scanner.reset();
        scanner.feed(event.data(), 0, event.dataLength());
    }

    @Override
    public void onRetry(long retryMs) {
        reconnectDelayMs(retryMs);
    }

    @Override
    public Void onCompleted() {
        inFlight = null;
        streamOver(statusOk, null);
        return null;
    }

    @Override
    public void onThrowable(Throwable failure) {
        inFlight = null;
        streamOver(false, failure);
    }
}
