package org.tomcatpush.harness.client.accounting;

import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the first response read on each connection said about keep-alive: whether it carried a
 * {@code Keep-Alive} header, its {@code timeout=} and whether it had {@code max=}, and its
 * {@code Connection} header. Only the first response counts, as it answers the request that
 * opened the connection, the same for every connection. Immutable; summed over transports with
 * {@link #plus}.
 *
 * @param responses           connections whose first response was read
 * @param keepAlive           of them, those with a {@code Keep-Alive} header
 * @param withTimeout         of those, the ones whose header had a {@code timeout=} in whole seconds
 * @param timeoutMinS         the smallest {@code timeout=} seen, {@code Long.MAX_VALUE} when none
 * @param timeoutMaxS         the largest {@code timeout=} seen, {@code Long.MIN_VALUE} when none
 * @param withMax             those whose {@code Keep-Alive} header had a {@code max=}
 * @param connectionKeepAlive first responses saying {@code Connection: keep-alive}
 * @param connectionClose     first responses saying {@code Connection: close}
 */
public record FirstResponseHeaders(long responses, long keepAlive, long withTimeout, long timeoutMinS,
        long timeoutMaxS, long withMax, long connectionKeepAlive, long connectionClose) {

    /** Nothing read. */
    public static final FirstResponseHeaders NONE = new FirstResponseHeaders(0, 0, 0, Long.MAX_VALUE, Long.MIN_VALUE,
            0, 0, 0);

    /**
     * The one {@code timeout=} every {@code Keep-Alive} header carried; empty when there was no
     * such header, when one lacked {@code timeout=}, or when they disagreed.
     */
    public OptionalLong timeoutS() {
        return keepAlive > 0 && withTimeout == keepAlive && timeoutMinS == timeoutMaxS
                ? OptionalLong.of(timeoutMinS) : OptionalLong.empty();
    }

    /** The sum of both: counts added, the timeout range widened. */
    public FirstResponseHeaders plus(FirstResponseHeaders other) {
        return new FirstResponseHeaders(responses + other.responses, keepAlive + other.keepAlive,
                withTimeout + other.withTimeout, Math.min(timeoutMinS, other.timeoutMinS),
                Math.max(timeoutMaxS, other.timeoutMaxS), withMax + other.withMax,
                connectionKeepAlive + other.connectionKeepAlive, connectionClose + other.connectionClose);
    }

    /**
     * Where the connections of one transport record their first response. Thread-safe and
     * lock-free: one call per connection, from its event loop.
     */
    public static final class Recorder {
        /** A {@code Keep-Alive} header without a {@code timeout=} (or with one that is not a number). */
        public static final long NO_TIMEOUT = -1;

        private final LongAdder responses = new LongAdder();
        private final LongAdder keepAlive = new LongAdder();
        private final LongAdder withTimeout = new LongAdder();
        private final LongAccumulator timeoutMinS = new LongAccumulator(Math::min, Long.MAX_VALUE);
        private final LongAccumulator timeoutMaxS = new LongAccumulator(Math::max, Long.MIN_VALUE);
        private final LongAdder withMax = new LongAdder();
        private final LongAdder connectionKeepAlive = new LongAdder();
        private final LongAdder connectionClose = new LongAdder();

        /**
         * One connection's first response.
         *
         * @param keepAliveHeader     the response had a {@code Keep-Alive} header
         * @param timeoutS            its {@code timeout=}, or {@link #NO_TIMEOUT}
         * @param hasMax              it had a {@code max=}
         * @param connectionKeepAlive the {@code Connection} header said {@code keep-alive}
         * @param connectionClose     the {@code Connection} header said {@code close}
         */
        public void record(boolean keepAliveHeader, long timeoutS, boolean hasMax, boolean connectionKeepAlive,
                boolean connectionClose) {
            responses.increment();
            if (keepAliveHeader) {
                keepAlive.increment();
                if (timeoutS != NO_TIMEOUT) {
                    withTimeout.increment();
                    timeoutMinS.accumulate(timeoutS);
                    timeoutMaxS.accumulate(timeoutS);
                }
                if (hasMax) {
                    withMax.increment();
                }
            }
            if (connectionKeepAlive) {
                this.connectionKeepAlive.increment();
            }
            if (connectionClose) {
                this.connectionClose.increment();
            }
        }

        /** The counts so far. */
        public FirstResponseHeaders snapshot() {
            return new FirstResponseHeaders(responses.sum(), keepAlive.sum(), withTimeout.sum(), timeoutMinS.get(),
                    timeoutMaxS.get(), withMax.sum(), connectionKeepAlive.sum(), connectionClose.sum());
        }
    }
}
