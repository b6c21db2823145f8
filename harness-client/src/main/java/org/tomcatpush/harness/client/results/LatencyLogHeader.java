package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.nio.file.Path;

import org.HdrHistogram.HistogramLogWriter;

/**
 * The opening lines of {@code latency.hlog}: format version, a comment naming the tags and unit,
 * start and base time, and the legend. Shared by the live log and the empty log of a run that
 * failed before its load started. Stateless.
 */
public final class LatencyLogHeader {

    /** Tag prefix of the corrected poll response time intervals; delivery latency is tagged with the bare transport name. */
    public static final String RESPONSE_TIME_TAG = "response-time.";

    /** Tag prefix of the uncorrected (from the actual send) poll response time intervals. */
    public static final String UNCORRECTED_RESPONSE_TIME_TAG = "response-time-uncorrected.";

    /**
     * Tag prefix of the time from a session's start to its first message, one value per session;
     * a session still waiting when the run stopped is recorded at its wait until the stop.
     */
    public static final String FIRST_MESSAGE_TAG = "first-message.";
    /** Tag prefix of the intervals of failed polls (timed out ones included): time from the intended send to the failure. */
    public static final String FAILURE_TIME_TAG = "failure-time.";
    /** Tag prefix of the connect time, one value per connection: from the connect call to the connection established. */
    public static final String CONNECT_TIME_TAG = "connect-time.";

    private LatencyLogHeader() {
    }

    /** Writes the header to {@code writer}; times are epoch ms. */
    public static void write(HistogramLogWriter writer, long startEpochMs) {
        writer.outputLogFormatVersion();
        writer.outputComment("tomcat-push-harness: values in microseconds; tag <transport> = delivery latency"
                + " (receive minus publish time), tag " + RESPONSE_TIME_TAG + "<transport> = poll response time from"
                + " the intended send time, tag " + UNCORRECTED_RESPONSE_TIME_TAG + "<transport> = from the actual send,"
                + " tag " + FIRST_MESSAGE_TAG + "<transport> = per session, its start to its first message (at the"
                + " stop when it had none), tag " + FAILURE_TIME_TAG + "<transport> = failed polls, from the intended"
                + " send time to the failure, tag " + CONNECT_TIME_TAG + "<transport> = per connection, its connect call to"
                + " its being established");
        writer.outputStartTime(startEpochMs);
        writer.setBaseTime(startEpochMs);
        writer.outputBaseTime(startEpochMs);
        writer.outputLegend();
    }

    /** Writes a log that holds the header only. */
    public static void write(Path file, long startEpochMs) throws IOException {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            write(writer, startEpochMs);
        } finally {
            writer.close();
        }
    }
}
