package org.tomcatpush.harness.server.spring;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.transport.TransportContext;

/**
 * One held long poll as a {@link DeferredResult}: answered with the poll answer when a message
 * after the cursor is published (or the hub closes), or, when Spring's timeout
 * ({@code --long-poll-hold}) fires first, with the answer at that instant (empty), through
 * {@code DeferredResult}'s timeout result. Listens to the hub until it is answered.
 */
final class SpringLongPoll implements MessageHub.Subscriber {

    private final TransportContext context;
    private final long cursor;
    private final DeferredResult<ResponseEntity<byte[]>> result;
    private final AtomicBoolean answered = new AtomicBoolean();

    private SpringLongPoll(TransportContext context, long cursor) {
        this.context = context;
        this.cursor = cursor;
        this.result = new DeferredResult<>(context.config().longPollHoldMs(),
                () -> SpringAnswers.poll(context, Endpoint.LONGPOLL, cursor));
    }

    /** Starts holding after {@code cursor}; answers at once when there is news already. */
    static SpringLongPoll start(TransportContext context, long cursor) {
        SpringLongPoll poll = new SpringLongPoll(context, cursor);
        context.counters().asyncStarted(Endpoint.LONGPOLL);
        poll.result.onCompletion(poll::completed);
        context.hub().subscribe(poll);
        poll.onPublished();
        return poll;
    }

    DeferredResult<ResponseEntity<byte[]>> result() {
        return result;
    }

    @Override
    public void onPublished() {
        MessageHub hub = context.hub();
        if ((hub.lastSeq() > cursor || hub.isClosed()) && !result.isSetOrExpired()
                && answered.compareAndSet(false, true)) {
            hub.unsubscribe(this);
            result.setResult(SpringAnswers.poll(context, Endpoint.LONGPOLL, cursor));
        }
    }

    /** Spring's completion callback: answered, timed out or failed. */
    private void completed() {
        context.hub().unsubscribe(this);
        context.counters().asyncEnded(Endpoint.LONGPOLL);
    }
}
