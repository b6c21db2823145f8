package org.tomcatpush.harness.client.session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;

import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.ConnectFailures;
import org.tomcatpush.harness.client.accounting.TransportRecorder;
import org.tomcatpush.harness.client.scenario.Transport;

/**
 * What every session has in common, whatever its transport: its virtual client, its sequence
 * check and the recording of every message, gap, failure and open/close into its transport's
 * {@link TransportRecorder}, its one pending timer, and stopping. A subclass is the state machine of
 * one transport; it runs one exchange at a time (one request, stream or WebSocket), so its state is
 * touched by one thread at a time, handed over through Netty's event loops (the shared timer runs its
 * tasks on them too).
 * Nothing here blocks; no session owns a thread.
 */
abstract class Session implements MessageScanner.Listener, ForeignPayload.Listener {

    private static final AtomicIntegerFieldUpdater<Session> OPEN =
            AtomicIntegerFieldUpdater.newUpdater(Session.class, "open");
    private static final AtomicIntegerFieldUpdater<Session> HOLDS_CONNECTION =
            AtomicIntegerFieldUpdater.newUpdater(Session.class, "holdsConnection");
    private static final AtomicIntegerFieldUpdater<Session> AWAITING_FIRST_MESSAGE =
            AtomicIntegerFieldUpdater.newUpdater(Session.class, "awaitingFirstMessage");
    private static final AtomicIntegerFieldUpdater<Session> FIRST_GRANT_EVENTS =
            AtomicIntegerFieldUpdater.newUpdater(Session.class, "firstGrantEvents");

    protected final SessionContext context;
    protected final VirtualClient client;
    protected final TransportRecorder recorder;
    protected final SequenceTracker sequence = new SequenceTracker();
    /** harness-server's protocol, or a foreign application's payloads ({@code --endpoints}). */
    protected final PayloadReader scanner;
    /**
     * A foreign application's SSE event: its numeric {@code id:}, set before its data is fed and
     * read by {@link #onForeignMessage}; -1 for none (and for every other transport).
     */
    protected long foreignEventId = -1;
    /** Starts the session's next exchange once its virtual client has a connection free. */
    private final Runnable exchange = this::exchangeGranted;
    private final TimerTask onTimer = timeout -> timerFired();

    private volatile boolean stopped;
    private volatile int open;
    private volatile int holdsConnection;
    private volatile Timeout pending;
    /** When the ramp-up started this session, System.nanoTime(); set once, before {@link #start()}. */
    private volatile long startedAtNanos;
    /** 1 from the start until the first message arrives or the run stops, whichever comes first. */
    private volatile int awaitingFirstMessage;
    /** Whether the server has answered this session yet; touched by one thread at a time. */
    private boolean answered;
    /** Whether the session has asked its virtual client for a connection yet; touched by one thread at a time. */
    private boolean requestedOnce;
    /** When the session's first exchange got its connection, System.nanoTime(); 0 until then. */
    private volatile long firstGrantedAtNanos;
    /**
     * Of the first exchange: 1 for each of "it had to wait for a connection" and "it got one"; the
     * second of the two (on whichever thread) records the wait, as the grant can run on the
     * thread that freed the connection before the wait is known on the asking one.
     */
    private volatile int firstGrantEvents;

    Session(SessionContext context, VirtualClient client, Transport transport) {
        this.context = context;
        this.client = client;
        this.recorder = context.recorder().forTransport(transport);
        this.scanner = context.foreign()
                ? new ForeignPayload(this, context.scenario().endpoints().publishTimeField())
                : new MessageScanner(this);
    }

    /**
     * Starts the session now: its wait for a first message begins, then {@link #start()}. Called
     * once, by the ramp-up, from the timer (an event loop).
     */
    final void begin() {
        startedAtNanos = System.nanoTime();
        awaitingFirstMessage = 1;
        start();
    }

    /** Begins the session's first exchange; called once, by {@link #begin()}. */
    abstract void start();

    /** Starts one exchange; the session holds one of its virtual client's connections until {@link #endExchange()}. */
    protected abstract void exchange();

    /** Cancels the exchange just started by a session that was stopped meanwhile. */
    protected abstract void abortExchange();

    /**
     * Stops the session for good: no new exchange, the pending timer cancelled, a wait for a
     * connection withdrawn. It does no I/O: the exchange in flight ends when the run closes the
     * session's connection (one pass over all connections is far cheaper than one per session).
     * Idempotent; any thread.
     */
    final void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Timeout timeout = pending;
        if (timeout != null) {
            timeout.cancel();
        }
        client.withdraw(exchange);
        onStopped();
    }

    /** Called at the end of {@link #stop()}; a session that is not connected once stopped marks itself closed here. */
    protected void onStopped() {
    }

    /**
     * The run stopped at {@code stopNanos}: a session started but still without a message records
     * its wait until then (censored), so a session that never got going weighs in the time to
     * first message instead of vanishing from it. Call after {@link #stop()}; a session the
     * ramp-up never started records nothing.
     */
    final void censorFirstMessageWait(long stopNanos) {
        if (AWAITING_FIRST_MESSAGE.compareAndSet(this, 1, 0)) {
            recorder.firstMessageCensored((stopNanos - startedAtNanos) / 1_000);
        }
    }

    /** Ends the session's accounting after the run closed its connections. */
    final void closeAccounting() {
        markClosed();
        endExchange();
    }

    final boolean stopped() {
        return stopped;
    }

    /** Asks the virtual client for a connection, then runs {@link #exchange()}. */
    protected final void requestExchange() {
        if (stopped) {
            return;
        }
        if (requestedOnce) {
            client.whenConnectionFree(exchange);
            return;
        }
        requestedOnce = true;
        if (!client.whenConnectionFree(exchange)) {
            recorder.browserSessionQueued();
            firstGrantEvent();
        }
    }

    /** The session's first exchange waited for its browser's connection and got one: records how long, once. */
    private void firstGrantEvent() {
        if (FIRST_GRANT_EVENTS.incrementAndGet(this) == 2) {
            recorder.browserQueueWaited((firstGrantedAtNanos - startedAtNanos) / 1_000);
        }
    }

    /** The exchange has ended: its connection is free for the virtual client's other sessions. Idempotent per exchange. */
    protected final void endExchange() {
        if (HOLDS_CONNECTION.compareAndSet(this, 1, 0)) {
            client.exchangeEnded();
        }
    }

    /** Runs {@link #requestExchange()} after {@code delayNanos} (at once if not positive). */
    protected final void requestExchangeAfter(long delayNanos) {
        if (stopped) {
            return;
        }
        if (delayNanos <= 0) {
            requestExchange();
            return;
        }
        pending = context.timer().newTimeout(onTimer, delayNanos, TimeUnit.NANOSECONDS);
        if (stopped) {
            pending.cancel();
        }
    }

    protected final void markOpen() {
        if (OPEN.compareAndSet(this, 0, 1)) {
            recorder.sessionOpened();
            context.openSessions().incrementAndGet();
        }
    }

    /**
     * The server answered this session: a response to a poll, an SSE stream opened, a WebSocket
     * upgraded. The first time (while the run goes on) counts the session as opened.
     */
    protected final void markAnswered() {
        if (!answered && !stopped) {
            answered = true;
            recorder.sessionOpenedFirstTime();
        }
    }

    protected final void markClosed() {
        if (OPEN.compareAndSet(this, 1, 0)) {
            recorder.sessionClosed();
            context.openSessions().decrementAndGet();
        }
    }

    /**
     * Records a failed exchange: a connect failure by kind, anything else as an error.
     *
     * @return whether it was a connect failure
     */
    protected final boolean recordFailure(Throwable failure) {
        ConnectFailureKind kind = ConnectFailures.kindOf(failure);
        if (kind != null) {
            recorder.connectFailed(kind);
            return true;
        }
        recorder.error();
        return false;
    }

    @Override
    public void onMessage(long seq, long intendedAtMicros) {
        if (awaitingFirstMessage == 1 && AWAITING_FIRST_MESSAGE.compareAndSet(this, 1, 0)) {
            recorder.firstMessage((System.nanoTime() - startedAtNanos) / 1_000);
        }
        long result = sequence.onMessage(seq);
        if (result == SequenceTracker.DUPLICATE) {
            recorder.messageDuplicated();
            return;
        }
        if (result > 0) {
            recorder.messagesLost(result);
        }
        // from the intended publish time, so a publisher that fell behind cannot hide its delay
        recorder.messageReceived(EpochMicrosClock.nowMicros() - intendedAtMicros);
    }

    /**
     * A foreign application's message: its sequence is checked when it carried a numeric SSE
     * {@code id:} ({@link #foreignEventId}), its delivery timed when it carried a publish time.
     */
    @Override
    public void onForeignMessage(long publishedAtMicros) {
        if (awaitingFirstMessage == 1 && AWAITING_FIRST_MESSAGE.compareAndSet(this, 1, 0)) {
            recorder.firstMessage((System.nanoTime() - startedAtNanos) / 1_000);
        }
        long id = foreignEventId;
        if (id >= 0) {
            long result = sequence.onMessage(id);
            recorder.messageSequenced();
            if (result == SequenceTracker.DUPLICATE) {
                recorder.messageDuplicated();
                return;
            }
            if (result > 0) {
                recorder.messagesLost(result);
            }
        }
        if (publishedAtMicros > 0) {
            recorder.messageReceived(EpochMicrosClock.nowMicros() - publishedAtMicros);
        } else {
            recorder.messageReceivedUntimed();
        }
    }

    @Override
    public void onGap(long fromSeq, long toSeq) {
        long lost = sequence.onGap(fromSeq, toSeq);
        if (lost > 0) {
            recorder.messagesLost(lost);
        }
    }

    @Override
    public void onCursor(long lastSeq) {
        long lost = sequence.onCursor(lastSeq);
        if (lost > 0) {
            recorder.messagesLost(lost);
        }
    }

    private void exchangeGranted() {
        HOLDS_CONNECTION.set(this, 1);
        if (firstGrantedAtNanos == 0) {
            firstGrantedAtNanos = System.nanoTime();
            firstGrantEvent();
        }
        if (stopped) {
            endExchange();
            return;
        }
        exchange();
    }

    private void timerFired() {
        pending = null;
        requestExchange();
    }
}
