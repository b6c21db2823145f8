package org.tomcatpush.harness.client.session;

import org.tomcatpush.harness.client.scenario.Transport;

/**
 * Long polling ({@code GET /longpoll?since=SEQ}): the next request goes out as soon as the answer
 * is in, so the server always holds one request of this session. After a failure it waits the
 * scenario's reconnect delay instead of hammering a server that is not answering.
 */
final class LongPollSession extends PollSession {

    private final long retryDelayNanos;

    LongPollSession(SessionContext context, VirtualClient client) {
        super(context, client, Transport.LONG_POLL);
        this.retryDelayNanos = context.scenario().sseReconnectDelay().toNanos();
    }

    @Override
    protected long nextIntendedSendNanos(long intendedSendNanos, long nowNanos, boolean failed) {
        return failed ? nowNanos + retryDelayNanos : nowNanos;
    }
}
