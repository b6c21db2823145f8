package org.tomcatpush.harness.client.report.model;

import java.util.Optional;

import org.tomcatpush.harness.client.results.LatencyLogHeader;

/**
 * What the tags of {@code latency.hlog} mean, as the results writer names them ({@link LatencyLogHeader}): the bare
 * transport name is delivery latency (receive minus intended publish time); poll response times carry a
 * prefix, {@value #RESPONSE_TIME} (timed from the intended send, coordinated-omission safe) and
 * {@value #UNCORRECTED_RESPONSE_TIME} (from the actual send); {@value #FIRST_MESSAGE} holds, per session, the time
 * from its start to its first message; failed polls {@value #FAILURE_TIME} (from the intended send to the failure);
 * {@value #CONNECT_TIME} per connection, its connect time.
 */
public final class LatencyTags {

    /** Prefix of poll response time tags, timed from the intended send time. */
    public static final String RESPONSE_TIME = LatencyLogHeader.RESPONSE_TIME_TAG;
    /** Prefix of poll response time tags, timed from the actual send time. */
    public static final String UNCORRECTED_RESPONSE_TIME = LatencyLogHeader.UNCORRECTED_RESPONSE_TIME_TAG;
    /** Prefix of the time-to-first-message tags, one value per session. */
    public static final String FIRST_MESSAGE = LatencyLogHeader.FIRST_MESSAGE_TAG;

    /** Prefix of the failure time tags of failed polls, timed from the intended send time. */
    public static final String FAILURE_TIME = LatencyLogHeader.FAILURE_TIME_TAG;

    /** Prefix of the connect time tags, one value per connection. */
    public static final String CONNECT_TIME = LatencyLogHeader.CONNECT_TIME_TAG;

    private LatencyTags() {
    }

    /** Whether the tag holds delivery latency (no response-time, first-message, failure-time or connect-time prefix). */
    public static boolean isDelivery(String tag) {
        return !tag.startsWith(RESPONSE_TIME) && !tag.startsWith(UNCORRECTED_RESPONSE_TIME)
                && !tag.startsWith(FIRST_MESSAGE) && !tag.startsWith(FAILURE_TIME)
                && !tag.startsWith(CONNECT_TIME);
    }

    /** The transport of a corrected response time tag, if it is one. */
    public static Optional<String> responseTimeTransport(String tag) {
        return tag.startsWith(RESPONSE_TIME) ? Optional.of(tag.substring(RESPONSE_TIME.length())) : Optional.empty();
    }

    /** The transport of an uncorrected response time tag, if it is one. */
    public static Optional<String> uncorrectedResponseTimeTransport(String tag) {
        return tag.startsWith(UNCORRECTED_RESPONSE_TIME)
                ? Optional.of(tag.substring(UNCORRECTED_RESPONSE_TIME.length())) : Optional.empty();
    }
}
