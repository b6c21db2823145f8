package org.tomcatpush.harness.client.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.serverstats.ServerSample;

/**
 * One second of a run, client and server figures on the client's clock. Rates are over the second
 * that ended at {@code epochMs}; server figures are -1 when the stats request failed. Immutable.
 *
 * @param elapsedS              whole seconds since the load started
 * @param epochMs               when the second ended, epoch ms
 * @param sessions              sessions connected, all transports
 * @param messagesPerS          messages received per second
 * @param requestsPerS          requests sent per second
 * @param busyThreads           the server's busy threads at the end of the second (its last sample in the second)
 * @param queueLength           the server's executor queue length
 * @param serverConnections     connections the server's connector held
 * @param clientConnectionsOpen TCP connections the client held
 * @param reconnects            stream reconnects during the second
 * @param connectFailures       failed connects during the second
 * @param errors                errors during the second
 * @param latencyP99Ms          p99 delivery latency of the messages received during the second, NaN if none
 * @param perTransport          the session and rate figures per transport
 * @param clientCpuMs           CPU time the client process spent during the second, ms; NaN when the JVM cannot tell
 * @param serverCpuMs           CPU time the server process spent since the previous reading that answered (the
 *                              second, or more when the stats request of a second before failed), ms; NaN when
 *                              the server does not report it or this second's request failed
 */
public record TimeseriesRow(long elapsedS, long epochMs, long sessions, double messagesPerS, double requestsPerS,
        long busyThreads, long queueLength, long serverConnections, long clientConnectionsOpen, long reconnects,
        long connectFailures, long errors, double latencyP99Ms, Map<Transport, TransportSecond> perTransport,
        double clientCpuMs, double serverCpuMs) {

    /** A second without the server's CPU time. */
    public TimeseriesRow(long elapsedS, long epochMs, long sessions, double messagesPerS, double requestsPerS,
            long busyThreads, long queueLength, long serverConnections, long clientConnectionsOpen, long reconnects,
            long connectFailures, long errors, double latencyP99Ms, Map<Transport, TransportSecond> perTransport,
            double clientCpuMs) {
        this(elapsedS, epochMs, sessions, messagesPerS, requestsPerS, busyThreads, queueLength, serverConnections,
                clientConnectionsOpen, reconnects, connectFailures, errors, latencyP99Ms, perTransport, clientCpuMs,
                Double.NaN);
    }

    public TimeseriesRow {
        Map<Transport, TransportSecond> copy = new EnumMap<>(Transport.class);
        copy.putAll(perTransport);
        perTransport = Collections.unmodifiableMap(copy);
    }

    /**
     * {@code rows} with their server figures (busy threads, queue, connections) taken from the
     * server's own samples: each row gets the last sample taken within its second, so the
     * per-second series shows values of the very samples the summary is computed from and never
     * exceeds the summary's maximum. A second without a sample (the server was frozen, or samples
     * are further apart than a second) keeps its per-second reading, which is -1 when the stats
     * request of that second failed too.
     *
     * @param samples the server's samples, oldest first
     */
    public static List<TimeseriesRow> withServerSamples(List<TimeseriesRow> rows, List<ServerSample> samples) {
        List<TimeseriesRow> aligned = new ArrayList<>(rows.size());
        int next = 0;
        for (TimeseriesRow row : rows) {
            ServerSample last = null;
            while (next < samples.size() && samples.get(next).epochMs() <= row.epochMs()) {
                last = samples.get(next++);
            }
            boolean withinTheSecond = last != null && last.epochMs() > row.epochMs() - 1000;
            aligned.add(withinTheSecond ? row.withServer(last) : row);
        }
        return aligned;
    }

    private TimeseriesRow withServer(ServerSample sample) {
        return new TimeseriesRow(elapsedS, epochMs, sessions, messagesPerS, requestsPerS, sample.busyThreads(),
                sample.queueLength(), sample.connections(), clientConnectionsOpen, reconnects, connectFailures, errors,
                latencyP99Ms, perTransport, clientCpuMs, serverCpuMs);
    }

    /** One transport's part of a second. */
    public record TransportSecond(long sessions, double messagesPerS, double requestsPerS) {
    }
}
