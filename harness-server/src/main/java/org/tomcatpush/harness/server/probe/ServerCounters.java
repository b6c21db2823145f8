package org.tomcatpush.harness.server.probe;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live counters every endpoint updates: requests and body bytes per endpoint (zeroed by
 * {@link #reset()}), and gauges of what is open right now (async requests per endpoint, WebSocket
 * sessions, harness handlers executing), which a reset must not touch. Updates are lock-free and
 * allocation-free, for the per-request and per-message paths.
 */
public final class ServerCounters {

    private final LongAdder[] requests = adders();
    private final LongAdder[] bytesWritten = adders();
    private final AtomicInteger[] asyncInFlight = gauges();
    private final AtomicInteger wsSessions = new AtomicInteger();
    private final AtomicInteger handlersInProgress = new AtomicInteger();
    private final ServerCloses closes = new ServerCloses();

    /** A workload request started (control requests are not counted). */
    public void requestStarted(Endpoint endpoint) {
        requests[endpoint.ordinal()].increment();
    }

    /** Body bytes (or WebSocket payload bytes) written for an endpoint. */
    public void bytesWritten(Endpoint endpoint, int bytes) {
        bytesWritten[endpoint.ordinal()].add(bytes);
    }

    public void asyncStarted(Endpoint endpoint) {
        asyncInFlight[endpoint.ordinal()].incrementAndGet();
    }

    public void asyncEnded(Endpoint endpoint) {
        asyncInFlight[endpoint.ordinal()].decrementAndGet();
    }

    public void wsOpened() {
        wsSessions.incrementAndGet();
    }

    public void wsClosed() {
        wsSessions.decrementAndGet();
    }

    /** A harness handler started executing on the current (request) thread. */
    public void handlerEntered() {
        handlersInProgress.incrementAndGet();
    }

    /** The handler entered on this thread returned. */
    public void handlerExited() {
        handlersInProgress.decrementAndGet();
    }

    public long requests(Endpoint endpoint) {
        return requests[endpoint.ordinal()].sum();
    }

    public long bytesWritten(Endpoint endpoint) {
        return bytesWritten[endpoint.ordinal()].sum();
    }

    public int asyncInFlight(Endpoint endpoint) {
        return asyncInFlight[endpoint.ordinal()].get();
    }

    /** Async requests open on every endpoint together. */
    public int asyncInFlightTotal() {
        int total = 0;
        for (AtomicInteger gauge : asyncInFlight) {
            total += gauge.get();
        }
        return total;
    }

    /** Connections the server closed, by cause (zeroed by {@link #reset()}). */
    public ServerCloses closes() {
        return closes;
    }

    public int wsSessions() {
        return wsSessions.get();
    }

    public int handlersInProgress() {
        return handlersInProgress.get();
    }

    /** Zeroes request, byte and close counts; gauges of open requests and sessions keep their values. */
    public void reset() {
        closes.reset();
        for (LongAdder adder : requests) {
            adder.reset();
        }
        for (LongAdder adder : bytesWritten) {
            adder.reset();
        }
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[Endpoint.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    private static AtomicInteger[] gauges() {
        AtomicInteger[] gauges = new AtomicInteger[Endpoint.values().length];
        for (int i = 0; i < gauges.length; i++) {
            gauges[i] = new AtomicInteger();
        }
        return gauges;
    }
}
