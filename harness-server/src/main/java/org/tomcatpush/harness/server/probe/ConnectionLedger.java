package org.tomcatpush.harness.server.probe;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per TCP connection, keyed by {@code ServletConnection.getConnectionId()}, counted when
 * each request starts (so a held stream or an upgraded WebSocket counts at once), so the server's
 * view of connections can be checked against the client's, which counts a request when it writes
 * it. A response carrying {@code Connection: close}, or a request whose stream a transport cut
 * ({@link ServerCloses#markCut}), ends the connection's entry and counts its close once in
 * {@link ServerCloses}: at the keep-alive limit when it was the connection's
 * {@code maxKeepAliveRequests}-th request (control requests included in that count, as Tomcat counts
 * them, but not in the totals). Requests on one connection are sequential, so the request that
 * ends is always the connection's latest.
 *
 * <p>Connections that end any other way (idle timeout, client close) leave no trace in Tomcat's
 * request path, so an entry idle for longer than the keep-alive timeout plus a margin is dropped
 * from the map (its counts stay in the totals). Thread safe: requests on one connection are
 * sequential, so each entry's lock is uncontended.
 */
public final class ConnectionLedger {

    private static final long PRUNE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int PRUNE_EVERY_NEW_ENTRIES = 4096;
    /** Most client addresses {@link #connectionsByRemoteAddress()} tells apart. */
    public static final int MAX_REMOTE_ADDRESSES = 1024;
    /** The key the connections of further addresses count under. */
    public static final String OTHER_ADDRESSES = "other";

    /**
     * Totals since the last reset.
     *
     * @param connectionsSeen        connections that served at least one workload request (counted when it started)
     * @param requests               workload requests that started
     * @param closedAtKeepAliveLimit responses that closed their connection at {@code maxKeepAliveRequests}
     * @param closedOther            other responses that carried {@code Connection: close}
     */
    public record Summary(long connectionsSeen, long requests, long requestsPerConnectionMax,
                          long closedAtKeepAliveLimit, long closedOther) {

        public double requestsPerConnectionMean() {
            return connectionsSeen == 0 ? 0.0 : (double) requests / connectionsSeen;
        }
    }

    private static final class Entry {
        int lifetimeRequests;
        int countedRequests;
        int generation;
        int active;
        long lastActivityNanos;
        boolean closeCounted;
    }

    private final int maxKeepAliveRequests;
    private final long pruneAfterNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong newEntries = new AtomicLong();
    private final LongAdder connectionsSeen = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final AtomicLong requestsPerConnectionMax = new AtomicLong();
    private final LongAdder closedAtKeepAliveLimit = new LongAdder();
    private final LongAdder closedOther = new LongAdder();
    private final Map<String, LongAdder> connectionsByRemoteAddress = new ConcurrentHashMap<>();
    private final ServerCloses closes;
    private volatile int generation;

    /**
     * @param maxKeepAliveRequests the connector's limit, -1 = unlimited
     * @param keepAliveTimeoutMs   the connector's effective keep-alive timeout, -1 = infinite
     * @param closes               where the closes of connections the ledger saw are counted
     */
    public ConnectionLedger(int maxKeepAliveRequests, long keepAliveTimeoutMs, ServerCloses closes) {
        this.maxKeepAliveRequests = maxKeepAliveRequests;
        this.closes = closes;
        this.pruneAfterNanos = keepAliveTimeoutMs < 0 ? -1
                : TimeUnit.MILLISECONDS.toNanos(keepAliveTimeoutMs) + PRUNE_MARGIN_NANOS;
    }

    /**
     * A request started on this connection: it counts at once (a held stream is seen while it is
     * open), and towards Tomcat's keep-alive limit.
     *
     * @param workload false for control requests, which Tomcat counts towards the keep-alive limit
     *                 but the ledger's totals leave out
     * @return true when this request is the connection's first counted one: it was just counted in
     *         {@code connectionsSeen} (the caller then tells {@link #connectionFrom} its address)
     */
    public boolean requestStarted(String connectionId, boolean workload) {
        Entry entry = entry(connectionId);
        synchronized (entry) {
            entry.active++;
            entry.lifetimeRequests++;
            entry.lastActivityNanos = System.nanoTime();
            sameGeneration(entry);
            boolean first = false;
            if (workload) {
                if (entry.countedRequests == 0) {
                    connectionsSeen.increment();
                    first = true;
                }
                entry.countedRequests++;
                requests.increment();
                long count = entry.countedRequests;
                requestsPerConnectionMax.accumulateAndGet(count, Math::max);
            }
            return first;
        }
    }

    /**
     * Counts a connection just seen ({@link #requestStarted} answered true) under its client's
     * address, so that the connections of clients bound to different source addresses (the agents
     * of a split run) can be told apart. Past {@link #MAX_REMOTE_ADDRESSES} addresses the rest
     * count under {@link #OTHER_ADDRESSES}. Once per connection, never per request.
     */
    public void connectionFrom(String remoteAddress) {
        String key = remoteAddress == null ? OTHER_ADDRESSES : remoteAddress;
        LongAdder count = connectionsByRemoteAddress.get(key);
        if (count == null) {
            key = connectionsByRemoteAddress.size() >= MAX_REMOTE_ADDRESSES ? OTHER_ADDRESSES : key;
            count = connectionsByRemoteAddress.computeIfAbsent(key, k -> new LongAdder());
        }
        count.increment();
    }

    /** Connections seen since the last reset by the client's address, in address order. */
    public Map<String, Long> connectionsByRemoteAddress() {
        Map<String, Long> snapshot = new TreeMap<>();
        connectionsByRemoteAddress.forEach((address, count) -> snapshot.put(address, count.sum()));
        return snapshot;
    }

    /**
     * A request ended on this connection.
     *
     * @param closing the response carried {@code Connection: close}
     * @param cut     the cause a transport marked when it cut the request's stream, or null
     */
    public void requestEnded(String connectionId, boolean closing, ServerCloseCause cut) {
        Entry entry = entries.get(connectionId);
        if (entry == null) {
            // a request Tomcat refused before it started (it closes such connections itself)
            return;
        }
        boolean ends = closing || cut != null;
        synchronized (entry) {
            if (entry.active > 0) {
                entry.active--;
            }
            entry.lastActivityNanos = System.nanoTime();
            sameGeneration(entry);
            if (ends && entry.countedRequests > 0 && !entry.closeCounted) {
                entry.closeCounted = true;
                boolean atLimit = maxKeepAliveRequests > 0 && entry.lifetimeRequests == maxKeepAliveRequests;
                if (closing) {
                    if (atLimit) {
                        closedAtKeepAliveLimit.increment();
                    } else {
                        closedOther.increment();
                    }
                }
                if (cut != null) {
                    closes.closed(cut);
                } else {
                    closes.closed(atLimit ? ServerCloseCause.KEEP_ALIVE_LIMIT : ServerCloseCause.CLOSING_RESPONSE);
                }
            }
        }
        if (ends) {
            entries.remove(connectionId);
        }
    }

    /** Totals since the last reset. */
    public Summary summary() {
        return new Summary(connectionsSeen.sum(), requests.sum(), requestsPerConnectionMax.get(),
                closedAtKeepAliveLimit.sum(), closedOther.sum());
    }

    /** Connections currently tracked (open, or closed so recently that the ledger cannot tell). */
    public int trackedConnections() {
        return entries.size();
    }

    /** Zeroes the totals; open connections start counting again from their next request. */
    public void reset() {
        generation++;
        connectionsSeen.reset();
        requests.reset();
        requestsPerConnectionMax.set(0);
        closedAtKeepAliveLimit.reset();
        closedOther.reset();
        connectionsByRemoteAddress.clear();
    }

    /** Starts the entry's counts afresh when a reset happened since it last counted. */
    private void sameGeneration(Entry entry) {
        int current = generation;
        if (entry.generation != current) {
            entry.generation = current;
            entry.countedRequests = 0;
            entry.closeCounted = false;
        }
    }

    private Entry entry(String connectionId) {
        Entry entry = entries.get(connectionId);
        if (entry != null) {
            return entry;
        }
        entry = entries.computeIfAbsent(connectionId, id -> new Entry());
        if (newEntries.incrementAndGet() % PRUNE_EVERY_NEW_ENTRIES == 0) {
            pruneIdle();
        }
        return entry;
    }

    private void pruneIdle() {
        if (pruneAfterNanos < 0) {
            return;
        }
        long now = System.nanoTime();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            synchronized (entry) {
                if (entry.active == 0 && now - entry.lastActivityNanos > pruneAfterNanos) {
                    it.remove();
                }
            }
        }
    }
}
