package org.tomcatpush.harness.server.transport;

/**
 * What one HTTP push response writes, as a sequence of byte pieces, independent of how it is
 * written: {@link AsyncPushResponse} writes it with Servlet non-blocking output,
 * {@link BlockingPushResponse} on the request's own thread, the Spring adapters through Spring's own
 * emitters ({@link PushSources}). Implementations hand out shared,
 * pre-encoded arrays wherever they can. Not thread safe: the writer calls it from one thread at a
 * time.
 */
public interface PushSource {

    long NO_DEADLINE = Long.MAX_VALUE;

    /** Lets time-driven events happen: a stream's end, a hold's expiry, a heartbeat falling due. */
    void advanceTo(long nowNanos);

    /** The next bytes to write, or {@code null} when there is nothing to write now. */
    byte[] nextPiece();

    /** True when no piece will ever come again: the response ends once written. */
    boolean isComplete();

    /** The body length when known before the first piece is written, else -1 (streamed). */
    long contentLength();

    /** The last sequence this source has consumed, to wait for anything newer. */
    long cursor();

    /** When {@link #advanceTo} next has something to do, or {@link #NO_DEADLINE}. */
    long nextDeadlineNanos();

    /**
     * When the response ends by itself whatever the client does (a stream's end, a hold's end), or
     * {@link #NO_DEADLINE}; the one deadline that matters while the client is not reading.
     */
    long endDeadlineNanos();

    /** True while a newly published message could produce a piece (the writer then listens to the hub). */
    boolean wantsMessages();
}
