package org.tomcatpush.harness.server.probe;

import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.ServletRequest;

/**
 * Connections the server closed, by {@link ServerCloseCause}, since the last reset; each connection
 * counts once. HTTP connections are counted by the {@link ConnectionLedger} when their last request
 * ends: a transport that cuts a stream only marks its request with {@link #markCut}, so a cut
 * response that also said {@code Connection: close} is still one close. A WebSocket session is one
 * connection of its own, so its endpoint counts it directly with {@link #closed}, once. Lock-free.
 */
public final class ServerCloses {

    /** The request attribute that carries a transport's {@link ServerCloseCause} to the ledger. */
    static final String CUT_ATTRIBUTE = ServerCloses.class.getName() + ".cut";

    private final LongAdder[] counts = new LongAdder[ServerCloseCause.values().length];

    public ServerCloses() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /**
     * Marks an HTTP request whose stream the server is cutting, so that its connection's close is
     * counted under {@code cause} when the request ends. The first mark wins.
     */
    public static void markCut(ServletRequest request, ServerCloseCause cause) {
        try {
            if (request.getAttribute(CUT_ATTRIBUTE) == null) {
                request.setAttribute(CUT_ATTRIBUTE, cause);
            }
        } catch (IllegalStateException e) {
            // the request was already recycled: it ended before the cut and was counted then
        }
    }

    /** The cause a transport marked on this request, or null. */
    static ServerCloseCause cutOf(ServletRequest request) {
        Object cause = request.getAttribute(CUT_ATTRIBUTE);
        return cause instanceof ServerCloseCause c ? c : null;
    }

    /** One connection closed for {@code cause}; the caller makes sure each connection counts once. */
    public void closed(ServerCloseCause cause) {
        counts[cause.ordinal()].increment();
    }

    public long count(ServerCloseCause cause) {
        return counts[cause.ordinal()].sum();
    }

    /** Every close counted, whatever its cause. */
    public long total() {
        long total = 0;
        for (LongAdder count : counts) {
            total += count.sum();
        }
        return total;
    }

    void reset() {
        for (LongAdder count : counts) {
            count.reset();
        }
    }
}
