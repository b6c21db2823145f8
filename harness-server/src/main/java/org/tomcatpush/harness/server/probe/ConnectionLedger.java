package org.tomcatpush.harness.server.probe;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per TCP connection, keyed by {@code ServletConnection.getConnectionId()}, counted when
 * each request ends, so the server's view of connections can be checked against the client's.
 * A response carrying {@code Connection: close} ends the connection's entry; it counts as closed at
 * the keep-alive limit when it was the connection's {@code maxKeepAliveRequests}-th request
 * (control requests included in that count, as Tomcat counts them, but not in the totals).
 *
 * <p>Connections that end any other way (idle timeout, client close) leave no trace in Tomcat's
 * request path, so an entry idle for longer than the keep-alive timeout plus a margin is dropped
 * from the map (its counts stay in the totals). Thread safe: requests on one connection are
 * sequential, so each entry's lock is uncontended.
 */
public final class ConnectionLedger {

    private static final long PRUNE_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int PRUNE_EVERY_NEW_ENTRIES = 4096;

    /**
     * Totals since the last reset.
     *
     * @param connectionsSeen        connections that served at least one workload request
     * @param requests               workload requests that ended
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
    private volatile int generation;

    /**
     * @param maxKeepAliveRequests the connector's limit, -1 = unlimited
     * @param keepAliveTimeoutMs   the connector's effective keep-alive timeout, -1 = infinite
     */
    public ConnectionLedger(int maxKeepAliveRequests, long keepAliveTimeoutMs) {
        this.maxKeepAliveRequests = maxKeepAliveRequests;
        this.pruneAfterNanos = keepAliveTimeoutMs < 0 ? -1
                : TimeUnit.MILLISECONDS.toNanos(keepAliveTimeoutMs) + PRUNE_MARGIN_NANOS;
    }

    /** A request started on this connection (any request, control ones included). */
    public void requestStarted(String connectionId) {
        Entry entry = entry(connectionId);
        synchronized (entry) {
            entry.active++;
            entry.lastActivityNanos = System.nanoTime();
        }
    }

    /**
     * A request ended on this connection.
     *
     * @param workload false for control requests, which Tomcat counts towards the keep-alive limit
     *                 but the ledger's totals leave out
     * @param closing  the response carried {@code Connection: close}
     */
    public void requestEnded(String connectionId, boolean workload, boolean closing) {
        Entry entry = entry(connectionId);
        synchronized (entry) {
            if (entry.active > 0) {
                entry.active--;
            }
            entry.lifetimeRequests++;
            entry.lastActivityNanos = System.nanoTime();
            int current = generation;
            if (entry.generation != current) {
                entry.generation = current;
                entry.countedRequests = 0;
            }
            if (workload) {
                if (entry.countedRequests == 0) {
                    connectionsSeen.increment();
                }
                entry.countedRequests++;
                requests.increment();
                long count = entry.countedRequests;
                requestsPerConnectionMax.accumulateAndGet(count, Math::max);
            }
            if (closing && entry.countedRequests > 0) {
                if (maxKeepAliveRequests > 0 && entry.lifetimeRequests == maxKeepAliveRequests) {
                    closedAtKeepAliveLimit.increment();
                } else {
                    closedOther.increment();
                }
            }
        }
        if (closing) {
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
