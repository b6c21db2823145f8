package org.tomcatpush.harness.server.hub;

import java.util.List;

/**
 * A {@code /poll} or {@code /longpoll} answer split into its parts by
 * {@link MessageCodec#parsePollBody(CharSequence)}.
 *
 * @param last     the cursor to send as the next {@code since}
 * @param gap      messages lost before the first one in {@code messages}, or {@code null}
 * @param messages each message's JSON, in sequence order (decode with {@link MessageCodec})
 */
public record PollBody(long last, Gap gap, List<String> messages) {

    public PollBody {
        messages = List.copyOf(messages);
    }
}
