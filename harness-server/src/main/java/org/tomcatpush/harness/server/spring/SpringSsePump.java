package org.tomcatpush.harness.server.spring;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;
import org.tomcatpush.harness.server.transport.PushSource;
import org.tomcatpush.harness.server.transport.SerialDrain;
import org.tomcatpush.harness.server.transport.TransportContext;

/**
 * Writes an SSE {@link PushSource} through an {@link SseEmitter}: the pre-encoded event bytes go
 * out as they are (one {@code send} of everything due, so one flush per batch, as the servlet
 * flavour flushes), signalled by the publisher's fan-out and by the session timer for heartbeats;
 * one thread drains at a time (a work-in-progress counter). {@code SseEmitter.send} writes with
 * blocking Servlet output, so a client that stops reading holds the fan-out shard that signals it
 * (docs/SERVER.md). A failed send ends this stream only, its cause marked on the request.
 */
final class SpringSsePump implements MessageHub.Subscriber {

    private static final MediaType EVENT_STREAM = MediaType.TEXT_EVENT_STREAM;
    private static final String ATTRIBUTE = SpringSsePump.class.getName();

    private final SseEmitter emitter;
    private final PushSource source;
    private final HttpServletRequest request;
    private final TransportContext context;
    private final SerialDrain writer = new SerialDrain(this::writeUnlessEnded);
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean timerDue;
    // touched only by the draining thread
    private final Set<DataWithMediaType> batch = new LinkedHashSet<>();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAtNanos = PushSource.NO_DEADLINE;

    private SpringSsePump(SseEmitter emitter, PushSource source, HttpServletRequest request, TransportContext context) {
        this.emitter = emitter;
        this.source = source;
        this.request = request;
        this.context = context;
    }

    /**
     * Prepares writing {@code source} to {@code emitter} and leaves the pump on the request for
     * {@link SpringSseStart}, which starts it once Spring has started the response: bytes sent
     * before that would wait in the emitter, and the heartbeat would count its silence from a write
     * the client has not seen.
     */
    static void prepare(SseEmitter emitter, PushSource source, HttpServletRequest request, TransportContext context) {
        SpringSsePump pump = new SpringSsePump(emitter, source, request, context);
        context.counters().asyncStarted(Endpoint.SSE);
        emitter.onCompletion(pump::completed);
        emitter.onError(failure -> pump.release());
        // the usual SseEmitter idiom: without it Spring sends the same empty completion but resolves
        // an AsyncRequestTimeoutException on a committed response, two warnings per ended stream
        emitter.onTimeout(emitter::complete);
        request.setAttribute(ATTRIBUTE, pump);
    }

    /** The pump {@link #prepare} left on {@code request}, or null. */
    static SpringSsePump of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof SpringSsePump pump ? pump : null;
    }

    /** Writes what is due now and listens to the hub from now on. */
    void start() {
        context.hub().subscribe(this);
        signal();
    }

    @Override
    public void onPublished() {
        signal();
    }

    private void signal() {
        writer.signal();
    }

    private void writeUnlessEnded() {
        if (!ended.get()) {
            writeWhatIsDue();
        }
    }

    private void writeWhatIsDue() {
        if (timerDue) {
            timerDue = false;
            wakeUp = null;
            wakeUpAtNanos = PushSource.NO_DEADLINE;
        }
        try {
            source.advanceTo(System.nanoTime());
            int bytes = 0;
            batch.clear();
            for (byte[] piece; (piece = source.nextPiece()) != null; ) {
                batch.add(new DataWithMediaType(piece, EVENT_STREAM));
                bytes += piece.length;
            }
            if (!batch.isEmpty()) {
                emitter.send(batch);
                context.counters().bytesWritten(Endpoint.SSE, bytes);
            }
            if (source.isComplete()) {
                release();
                emitter.complete();
            } else {
                armTimer(source.nextDeadlineNanos());
            }
        } catch (IOException | RuntimeException e) {
            // the client went away: end this stream only
            if (ended.compareAndSet(false, true)) {
                ServerCloses.markCut(request, ServerCloseCause.ofFailure(e));
            }
            release();
            emitter.completeWithError(e);
            // Spring marks the request unusable and waits for the container's error event, which
            // a failed blocking write on another thread never raises: the request would stay
            // open (and uncounted) for good, so it is completed here, as the servlet path does
            completeAbandoned();
        }
    }

    private void completeAbandoned() {
        try {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().complete();
            }
        } catch (RuntimeException e) {
            // completed meanwhile by the container or by Spring
        }
    }

    private void armTimer(long deadlineNanos) {
        if (deadlineNanos == PushSource.NO_DEADLINE || (wakeUp != null && wakeUpAtNanos <= deadlineNanos)) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAtNanos = deadlineNanos;
        wakeUp = context.timer().at(deadlineNanos, this::onTimer);
    }

    private void onTimer() {
        timerDue = true;
        signal();
    }

    private void release() {
        ended.set(true);
        context.hub().unsubscribe(this);
        ScheduledFuture<?> pending = wakeUp;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Spring's completion callback: completed, timed out or failed. */
    private void completed() {
        release();
        context.counters().asyncEnded(Endpoint.SSE);
    }
}
