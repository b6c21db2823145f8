package org.tomcatpush.harness.client.session;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Short polling ({@code GET /poll?since=SEQ}) at a fixed interval, paced like wrk2: the intended
 * send times are {@code start, start + interval, start + 2 * interval, ...} whatever happens, so a
 * late answer does not shift the schedule (the next poll goes out at once, still timed from its
 * intended time) and coordinated omission cannot hide a stall.
 */
final class ShortPollSession extends PollSession {

    private final long intervalNanos;

    ShortPollSession(SessionContext context, VirtualClient client) {
        super(context, client, Transport.SHORT_POLL);
        this.intervalNanos = Math.max(1, context.scenario().pollInterval().toNanos());
    }

    @Override
    protected long nextIntendedSendNanos(long intendedSendNanos, long nowNanos, boolean failed) {
        return intendedSendNanos + intervalNanos;
    }
}
