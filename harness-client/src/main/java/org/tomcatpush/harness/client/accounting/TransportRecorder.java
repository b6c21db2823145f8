package org.tomcatpush.harness.client.accounting;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Where the sessions of one transport record what happened to them. Every method is thread-safe
 * and wait-free or nearly so: counters are {@link LongAdder}s (striped per thread under
 * contention), latencies go into {@link PerThreadRecorder}s (one HdrHistogram recorder per
 * recording thread, summed when drained), so event loops recording at once do not contend; none
 * allocates on the hot path. Readers take {@link #counters()} snapshots and drain the latency
 * recorders with {@code getIntervalHistogram}; only the results side of the client may drain them.
 *
 * <pre>
 * recorder.requestSent();
 * recorder.messageReceived(receivedAtMicros - intendedAtMicros);   // from the intended publish time
 * </pre>
 */
public final class TransportRecorder {

    /** Highest latency the histograms track: one hour, in microseconds. */
    public static final long MAX_TRACKABLE_MICROS = 3_600_000_000L;

    private final Transport transport;
    private final LongAdder requests = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsOpen = new LongAdder();
    private final LongAccumulator requestsPerConnectionMax = new LongAccumulator(Math::max, 0);
    private final Map<CloseCause, LongAdder> closes = adders(CloseCause.class);
    private final Map<ReconnectCause, LongAdder> reconnects = adders(ReconnectCause.class);
    private final Map<ConnectFailureKind, LongAdder> connectFailures = adders(ConnectFailureKind.class);
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesLost = new LongAdder();
    private final LongAdder messagesDuplicated = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder sessionsOpen = new LongAdder();
    private final PerThreadRecorder latencyMicros = newLatencyRecorder();
    private final PerThreadRecorder responseTimeMicros = newLatencyRecorder();
    private final PerThreadRecorder uncorrectedResponseTimeMicros = newLatencyRecorder();
    // sessions that never got going, reconnections made (issue 9)
    private final LongAdder sessionsOpened = new LongAdder();
    private final LongAdder streamsEnded = new LongAdder();
    private final LongAdder firstMessagesCensored = new LongAdder();
    private final PerThreadRecorder firstMessageMicros = newLatencyRecorder();
    // failed and unanswered requests (issue 9)
    private final LongAdder requestsFailed = new LongAdder();
    private final LongAdder requestsTimedOut = new LongAdder();
    private final LongAdder requestsRetried = new LongAdder();
    private final LongAdder errorsStaleConnection = new LongAdder();
    private final PerThreadRecorder failureTimeMicros = newLatencyRecorder();
    // streams that waited for a connection of their browser (issue 12, E9)
    private final LongAdder browserSessionsQueued = new LongAdder();
    private final LongAccumulator browserQueueWaitMinMicros = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final LongAccumulator browserQueueWaitMaxMicros = new LongAccumulator(Math::max, 0);
    // a foreign application as the target (issue 13)
    private final LongAdder messagesSequenced = new LongAdder();
    private final LongAdder messagesUntimed = new LongAdder();
    // connect time and the first response's keep-alive headers (issue 12, E5 and E6)
    private final PerThreadRecorder connectTimeMicros = newLatencyRecorder();
    private final FirstResponseHeaders.Recorder firstResponseHeaders = new FirstResponseHeaders.Recorder();

    public TransportRecorder(Transport transport) {
        this.transport = transport;
    }

    public Transport transport() {
        return transport;
    }

    /** One HTTP request (or WebSocket upgrade) was written to a connection. */
    public void requestSent(long requestBytes) {
        requests.increment();
        bytesSent.add(requestBytes);
    }

    /**
     * One HTTP request (or WebSocket upgrade) was written to a connection; its bytes are counted
     * separately, as they reach the wire, by {@link #bytesSent(long)}.
     */
    public void requestSent() {
        requests.increment();
    }

    /** Bytes written to the wire for this transport (request lines, headers, bodies, frames). */
    public void bytesSent(long bytes) {
        bytesSent.add(bytes);
    }

    /** A new TCP connection was established; how long its connect took is not known. */
    public void connectionOpened() {
        connectionsOpened.increment();
        connectionsOpen.increment();
    }

    /**
     * A new TCP connection was established {@code connectMicros} after its connect started (from
     * the connect call to the connection being established); a negative value: not known, not recorded.
     */
    public void connectionOpened(long connectMicros) {
        connectionOpened();
        if (connectMicros >= 0) {
            connectTimeMicros.recordValue(Math.min(connectMicros, MAX_TRACKABLE_MICROS));
        }
    }

    /** The keep-alive headers of the first response read on a connection of this transport. */
    public FirstResponseHeaders.Recorder firstResponseHeaders() {
        return firstResponseHeaders;
    }

    /** A TCP connection closed after carrying {@code requestsOnConnection} requests. */
    public void connectionClosed(CloseCause cause, long requestsOnConnection) {
        connectionsOpen.decrement();
        closes.get(cause).increment();
        requestsPerConnectionMax.accumulate(requestsOnConnection);
    }

    /**
     * A stream request (SSE) or upgrade (WebSocket) that re-opens a session's stream was written,
     * after an earlier attempt of that session ended for {@code cause}. Counted when the request
     * goes out, so a stream end after which the run stopped is not a reconnect.
     */
    public void reconnect(ReconnectCause cause) {
        reconnects.get(cause).increment();
    }

    /**
     * A session's stream (or an attempt to open it) ended while the run went on: the server ended
     * it, the connection under it was lost, or it could not be opened. Counted whatever followed.
     */
    public void streamEnded() {
        streamsEnded.increment();
    }

    /** A session was answered for the first time (a response, a stream opened, a WebSocket upgrade); once per session. */
    public void sessionOpenedFirstTime() {
        sessionsOpened.increment();
    }

    /** A session's first message arrived {@code waitedMicros} after the ramp-up started that session; once per session. */
    public void firstMessage(long waitedMicros) {
        firstMessageMicros.recordValue(Math.max(0, Math.min(waitedMicros, MAX_TRACKABLE_MICROS)));
    }

    /**
     * A session still had no message when the run stopped, {@code waitedMicros} after it was
     * started: its wait is recorded as if the message came at the stop (censored, never dropped).
     */
    public void firstMessageCensored(long waitedMicros) {
        firstMessagesCensored.increment();
        firstMessage(waitedMicros);
    }

    public void connectFailed(ConnectFailureKind kind) {
        connectFailures.get(kind).increment();
    }

    /** One message arrived {@code latencyMicros} after its intended publish time (the wire's {@code ts}). */
    public void messageReceived(long latencyMicros) {
        messagesReceived.increment();
        this.latencyMicros.recordValue(Math.max(0, Math.min(latencyMicros, MAX_TRACKABLE_MICROS)));
    }

    /** One message arrived without a publish time (a foreign application's): counted, not timed. */
    public void messageReceivedUntimed() {
        messagesReceived.increment();
        messagesUntimed.increment();
    }

    /** One message of a foreign application carried a numeric id, so its sequence was checked. */
    public void messageSequenced() {
        messagesSequenced.increment();
    }

    /** Messages whose sequence was checked by their numeric id (a foreign application's; 0 for harness-server's). */
    public long messagesSequenced() {
        return messagesSequenced.sum();
    }

    /** Messages counted without a delivery latency (a foreign application's without a publish time). */
    public long messagesUntimed() {
        return messagesUntimed.sum();
    }

    /** The sequence check found {@code count} messages that will never arrive (gaps, ring overflow). */
    public void messagesLost(long count) {
        messagesLost.add(count);
    }

    /** A message arrived a second time. */
    public void messageDuplicated() {
        messagesDuplicated.increment();
    }

    /** Bytes read from the wire for this transport (headers and bodies or frames). */
    public void bytesReceived(long bytes) {
        bytesReceived.add(bytes);
    }

    /**
     * A request/response exchange (short poll, long poll) completed. {@code correctedMicros} is
     * timed from the intended send time (coordinated-omission safe), {@code uncorrectedMicros} from
     * the actual send.
     */
    public void responseTime(long correctedMicros, long uncorrectedMicros) {
        responseTimeMicros.recordValue(Math.max(0, Math.min(correctedMicros, MAX_TRACKABLE_MICROS)));
        uncorrectedResponseTimeMicros.recordValue(Math.max(0, Math.min(uncorrectedMicros, MAX_TRACKABLE_MICROS)));
    }

    /** Anything that went wrong and is not a connect failure: bad status, parse error, I/O error. */
    public void error() {
        errors.increment();
    }

    /**
     * A poll failed {@code failureMicros} after its intended send time: an error status, an I/O
     * error or a stale connection (each also counted as an {@link #error()}), or no complete
     * answer within the request timeout ({@link #requestTimedOut(long)}).
     */
    public void requestFailed(long failureMicros) {
        requestsFailed.increment();
        failureTimeMicros.recordValue(Math.max(0, Math.min(failureMicros, MAX_TRACKABLE_MICROS)));
    }

    /** A poll had no complete answer within the request timeout and was abandoned, {@code failureMicros} after its intended send. */
    public void requestTimedOut(long failureMicros) {
        requestsTimedOut.increment();
        requestFailed(failureMicros);
    }

    /**
     * An error that is the keep-alive race ({@link CloseCause#STALE_CONNECTION}): counted as an
     * {@link #error()} and, apart, as a stale-connection error.
     */
    public void staleConnectionError() {
        errorsStaleConnection.increment();
        errors.increment();
    }

    /** A request caught in the keep-alive race was sent again, as a browser does (the retry is a request of its own). */
    public void requestRetried() {
        requestsRetried.increment();
    }

    /**
     * With {@code --browser}: a session's first exchange found its browser's 6 connections busy
     * and waits for one to end; once per session.
     */
    public void browserSessionQueued() {
        browserSessionsQueued.increment();
    }

    /**
     * A session queued by {@link #browserSessionQueued()} got its connection {@code waitedMicros}
     * after it was started.
     */
    public void browserQueueWaited(long waitedMicros) {
        browserQueueWaitMinMicros.accumulate(Math.max(0, waitedMicros));
        browserQueueWaitMaxMicros.accumulate(Math.max(0, waitedMicros));
    }

    public void sessionOpened() {
        sessionsOpen.increment();
    }

    public void sessionClosed() {
        sessionsOpen.decrement();
    }

    /**
     * Messages received so far, read without building a {@link #counters()} snapshot: for callers
     * that wait on delivery in a loop (the JMH delivery benchmark) and must not allocate while they do.
     */
    public long messagesReceived() {
        return messagesReceived.sum();
    }

    /** Delivery latency (receive minus publish time), microseconds. Drained by the results side. */
    public PerThreadRecorder latencyRecorder() {
        return latencyMicros;
    }

    /** Response time from the intended send time, microseconds. Drained by the results side. */
    public PerThreadRecorder responseTimeRecorder() {
        return responseTimeMicros;
    }

    /** Response time from the actual send time, microseconds. Drained by the results side. */
    public PerThreadRecorder uncorrectedResponseTimeRecorder() {
        return uncorrectedResponseTimeMicros;
    }

    /**
     * Time from a session's start to its first message, microseconds, censored at the stop for
     * sessions that got none. Drained by the results side.
     */
    public PerThreadRecorder firstMessageRecorder() {
        return firstMessageMicros;
    }

    /** Time from the intended send to the failure of failed polls, timed out ones included, microseconds. Drained by the results side. */
    public PerThreadRecorder failureTimeRecorder() {
        return failureTimeMicros;
    }

    /** Per connection, from its connect call to its being established, microseconds. Drained by the results side. */
    public PerThreadRecorder connectTimeRecorder() {
        return connectTimeMicros;
    }

    /** A consistent-enough snapshot of the cumulative counters (each counter is read once). */
    public TransportCounters counters() {
        return new TransportCounters(transport, sessionsOpen.sum(), requests.sum(), connectionsOpened.sum(),
                connectionsOpen.sum(), requestsPerConnectionMax.get(), sums(closes), sums(reconnects),
                sums(connectFailures), messagesReceived.sum(), messagesLost.sum(), messagesDuplicated.sum(),
                bytesReceived.sum(), bytesSent.sum(), errors.sum(), sessionsOpened.sum(), streamsEnded.sum(),
                firstMessagesCensored.sum(), requestsFailed.sum(),
                requestsTimedOut.sum(), requestsRetried.sum(), errorsStaleConnection.sum(),
                browserSessionsQueued.sum(), browserQueueWaitMaxMicros.get() == 0 ? 0 : browserQueueWaitMinMicros.get(),
                browserQueueWaitMaxMicros.get(),
                firstResponseHeaders.snapshot());
    }

    private static PerThreadRecorder newLatencyRecorder() {
        return new PerThreadRecorder(MAX_TRACKABLE_MICROS, 3);
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, new LongAdder());
        }
        return map;
    }

    private static <E extends Enum<E>> Map<E, Long> sums(Map<E, LongAdder> adders) {
        Map<E, Long> map = new EnumMap<>(adders.keySet().iterator().next().getDeclaringClass());
        adders.forEach((k, v) -> map.put(k, v.sum()));
        return map;
    }
}
