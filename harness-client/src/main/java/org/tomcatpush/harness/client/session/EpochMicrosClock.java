package org.tomcatpush.harness.client.session;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The receive-side wall clock in epoch microseconds, the clock of the server's publish timestamps
 * ({@code MessageCodec.nowMicros()}, which reads {@link Instant#now()}), without an {@link Instant}
 * per message: {@link System#nanoTime()} plus an offset to the wall clock, taken again from
 * {@link Instant#now()} once {@value #RESYNC_MS} ms have passed since the last time. Between two
 * resyncs it follows the monotonic clock, so a wall clock slewed by NTP (at most 0.5 ms per s) is
 * followed to within a fraction of a millisecond and a wall clock stepped is followed at the next
 * resync. Thread-safe; allocation-free except for the one anchor made per resync.
 */
final class EpochMicrosClock {

    /** How often the offset to the wall clock is taken again. */
    static final long RESYNC_MS = 1_000;
    private static final long RESYNC_NANOS = TimeUnit.MILLISECONDS.toNanos(RESYNC_MS);

    /** The wall clock at one instant of the monotonic clock; replaced whole, so never torn. */
    private record Anchor(long atNanos, long epochMicros) {
    }

    private static volatile Anchor anchor = anchorNow();

    private EpochMicrosClock() {
    }

    /** Now, in microseconds since the epoch. */
    static long nowMicros() {
        long nowNanos = System.nanoTime();
        Anchor a = anchor;
        if (nowNanos - a.atNanos > RESYNC_NANOS) {
            a = anchorNow(); // racing threads each take an anchor: harmless, both are right
            anchor = a;
        }
        return (nowNanos - a.atNanos) / 1_000 + a.epochMicros;
    }

    private static Anchor anchorNow() {
        long before = System.nanoTime();
        Instant wall = Instant.now();
        long after = System.nanoTime();
        long atNanos = before + (after - before) / 2;
        return new Anchor(atNanos, wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000);
    }
}
