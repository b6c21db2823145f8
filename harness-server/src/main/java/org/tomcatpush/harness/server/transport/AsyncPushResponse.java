package org.tomcatpush.harness.server.transport;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tomcatpush.harness.server.hub.MessageHub;
import org.tomcatpush.harness.server.probe.Endpoint;
import org.tomcatpush.harness.server.probe.ServerCloseCause;
import org.tomcatpush.harness.server.probe.ServerCloses;

/**
 * Writes a {@link PushSource} with Servlet async and non-blocking output: the container thread is
 * released at once, and whoever has news (the publisher's signal, Tomcat's
 * {@code onWritePossible}, the session timer) calls {@link #signal()}. One caller at a time drains
 * (a work-in-progress counter, no lock): it writes pieces while {@code isReady()} and flushes, so a
 * client that stops reading only parks its own response, never the publisher or other sessions.
 * A failed write (client gone) or an error ends this response only; the cause is marked on the
 * request ({@link ServerCloses#markCut}) so the ledger counts the connection's close under it.
 *
 * <p>Per message and session this is the fan-out's hot path, and Tomcat's {@code isReady()} its
 * largest Java cost (a lock, an allocation and a look at the socket's buffers per call;
 * docs/BENCHMARKS.md, "Server write path and the cost of a delivery"), so it is asked only where
 * its answer can have changed: once before the first piece of a drain, and again only after
 * something reached the socket. A piece that fits the rest of the response buffer
 * ({@code getBufferSize()}) stays in it, as the Servlet specification requires until the buffer is
 * full or flushed, so the answer that let it in still holds for the next piece and for the flush.
 * A piece taken from the source while the client cannot take it is held and written first once it
 * can, so nothing is lost or reordered.
 *
 * <p>Where the drain runs is the one difference between {@code async} and {@code async-container}:
 * on the thread that signalled (a fan-out thread, the timer, Tomcat's {@code onWritePossible}), or
 * handed to {@link AsyncContext#start(Runnable)}, which runs it on the connector's worker pool, the
 * threads that also serve every other request (experiment E11).
 */
final class AsyncPushResponse implements WriteListener, AsyncListener, MessageHub.Subscriber {

    private final AsyncContext async;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ServletOutputStream out;
    private final PushSource source;
    private final Endpoint endpoint;
    private final TransportContext context;
    /** Runs the {@link SerialDrain}: on the signalling thread itself, or on Tomcat's worker pool. */
    private final Executor drains;
    private final SerialDrain writer = new SerialDrain(this::writeIfWritable);
    /** The drain as a task for {@link #drains}, made once rather than per signal. */
    private final Runnable drainTask = writer::drain;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean writable;
    private volatile boolean timerDue;
    /** The client's socket was full at the last attempt to write (it is not reading). */
    private volatile boolean clientBlocked;
    // touched only by the draining thread
    private boolean dirty;
    private boolean firstPiece = true;
    /** A piece taken from the source that the client could not take yet: written before any other. */
    private byte[] held;
    /** The response buffer's size: pieces adding up to it since the last flush stay in the buffer. */
    private int bufferBytes;
    /** Bytes written into the response buffer since the last flush; {@link #bufferBytes} once unknown. */
    private int bufferedBytes;
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAtNanos = PushSource.NO_DEADLINE;

    private AsyncPushResponse(AsyncContext async, HttpServletRequest request, HttpServletResponse response,
                              ServletOutputStream out, PushSource source, Endpoint endpoint, TransportContext context,
                              boolean onContainerThreads) {
        this.async = async;
        this.drains = onContainerThreads ? async::start : Runnable::run;
        this.request = request;
        this.response = response;
        this.out = out;
        this.source = source;
        this.endpoint = endpoint;
        this.context = context;
    }

    /**
     * Puts the request in async mode and starts writing {@code source}.
     *
     * @param timeoutMs the async timeout, or -1 for the connector's {@code asyncTimeout}; 0 = none
     *                  (the source's own deadlines then govern)
     * @param onContainerThreads write through {@link AsyncContext#start(Runnable)}, on Tomcat's
     *                  worker pool ({@code async-container}), instead of on the signalling thread
     */
    static void start(HttpServletRequest request, HttpServletResponse response, PushSource source,
                      Endpoint endpoint, TransportContext context, long timeoutMs, boolean onContainerThreads)
            throws IOException {
        AsyncContext async = request.startAsync(request, response);
        if (timeoutMs >= 0) {
            async.setTimeout(timeoutMs);
        }
        AsyncPushResponse push = new AsyncPushResponse(async, request, response, response.getOutputStream(), source,
                endpoint, context, onContainerThreads);
        push.bufferBytes = response.getBufferSize();
        async.addListener(push);
        context.counters().asyncStarted(endpoint);
        push.out.setWriteListener(push);
        if (source.wantsMessages()) {
            context.hub().subscribe(push);
        }
    }

    /** Something changed (a message, writability, a deadline): drain unless another thread is. */
    void signal() {
        if (!writer.enter()) {
            return;
        }
        try {
            drains.execute(drainTask);
        } catch (IllegalStateException | RejectedExecutionException e) {
            // AsyncContext.start after the request completed, or a connector shutting down: nothing left to write
            end();
        }
    }

    /** The drain's task: writes what is due unless the response ended or the client is not reading. */
    private void writeIfWritable() {
        if (!ended.get() && writable) {
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
            boolean clientReading = writePieces();
            clientBlocked = !clientReading;
            if (!source.wantsMessages()) {
                context.hub().unsubscribe(this);
            }
            if (source.isComplete() && held == null) {
                // anything still buffered is flushed by complete()
                end();
            } else {
                // a client that is not reading gets onWritePossible later; only the end cannot wait
                armTimer(clientReading ? source.nextDeadlineNanos() : source.endDeadlineNanos());
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (or Tomcat already ended the request): end this response only
            cut(ServerCloseCause.ofFailure(e));
        }
    }

    /**
     * Writes what is due and flushes it; false when the client is not reading (then a piece may be
     * {@link #held}, and Tomcat calls {@code onWritePossible} once it can take more).
     */
    private boolean writePieces() throws IOException {
        // isReady() said yes and nothing has reached the socket since: a write or flush is allowed now
        boolean readyKnown = false;
        while (true) {
            byte[] piece = held != null ? held : source.nextPiece();
            held = null;
            if (piece == null && !dirty) {
                return true;
            }
            if (!readyKnown) {
                if (!out.isReady()) {
                    held = piece;
                    return false;
                }
                readyKnown = true;
            }
            if (piece != null) {
                if (firstPiece) {
                    firstPiece = false;
                    long length = source.contentLength();
                    if (length >= 0) {
                        response.setContentLengthLong(length);
                    }
                }
                boolean staysBuffered = bufferedBytes + piece.length <= bufferBytes;
                out.write(piece);
                context.counters().bytesWritten(endpoint, piece.length);
                dirty = true;
                bufferedBytes = staysBuffered ? bufferedBytes + piece.length : bufferBytes;
                readyKnown = staysBuffered;
            } else {
                dirty = false;
                out.flush();
                bufferedBytes = 0;
                readyKnown = false;
            }
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

    /** Ends the response after a failure, its connection counted as closed for {@code cause}. */
    private void cut(ServerCloseCause cause) {
        if (!ended.get()) {
            ServerCloses.markCut(request, cause);
        }
        end();
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        release();
        try {
            async.complete();
        } catch (RuntimeException e) {
            // already completed by the container (error or shutdown)
        }
    }

    private void release() {
        context.hub().unsubscribe(this);
        ScheduledFuture<?> pending = wakeUp;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    @Override
    public void onPublished() {
        signal();
    }

    @Override
    public void onWritePossible() {
        writable = true;
        signal();
    }

    @Override
    public void onError(Throwable t) {
        // Tomcat's write timeout (a client that stopped reading) or a broken connection
        cut(ServerCloseCause.ofFailure(t));
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended.set(true);
        release();
        context.counters().asyncEnded(endpoint);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // the connector's asyncTimeout passed: with the client's socket full, what is left cannot go out
        if (clientBlocked) {
            cut(ServerCloseCause.SLOW_CONSUMER);
        } else {
            end();
        }
    }

    @Override
    public void onError(AsyncEvent event) {
        cut(ServerCloseCause.ofFailure(event.getThrowable()));
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // never restarted
    }
}
