package org.tomcatpush.harness.server;

import java.util.List;

import org.tomcatpush.harness.server.hub.Gap;

/**
 * A {@code /poll} or {@code /longpoll} answer split into its parts by
 * {@link WireJson#parsePollBody(String)}.
 *
 * @param last     the cursor to send as the next {@code since}
 * @param gap      messages lost before the first one in {@code messages}, or {@code null}
 * @param messages each message's JSON, in sequence order (read with {@link WireJson})
 */
record PollBody(long last, Gap gap, List<String> messages) {

    PollBody {
        messages = List.copyOf(messages);
    }
}
