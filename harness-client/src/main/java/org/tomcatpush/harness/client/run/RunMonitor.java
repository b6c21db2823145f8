package org.tomcatpush.harness.client.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import org.tomcatpush.harness.client.accounting.TransportCounters;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.results.TimeseriesRow;
import org.tomcatpush.harness.client.results.TimeseriesRow.TransportSecond;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.server.probe.ProcessCpu;

/**
 * Once a second during a run: asks the server for its stats, snapshots the client's counters,
 * drains the latency recorders into the log, and turns the differences into one
 * {@link TimeseriesRow}; every {@link #PROGRESS_EVERY_S} seconds it also prints the progress line.
 * Reads live state only here, so the result is built from these snapshots after the run. Not
 * thread-safe: the run's thread calls it.
 */
final class RunMonitor {

    /** Seconds between progress lines. */
    static final int PROGRESS_EVERY_S = 5;

    /** Where server stats come from; {@code null} when the request failed or timed out. */
    @FunctionalInterface
    interface StatsSource {
        /** No server-side figures at all (a foreign application without {@code --jmx}): never a failure. */
        StatsSource NONE = () -> null;

        ServerStats fetchOrNull();
    }

    private final RunRecorder recorder;
    private final Load load;
    private final StatsSource stats;
    private final LatencyLog latencyLog;
    private final int sessions;
    private final long durationS;
    private final PrintStream progress;
    private final List<TimeseriesRow> rows = new ArrayList<>();
    private final Map<Transport, Long> sessionsOpenMax = new EnumMap<>(Transport.class);
    private Map<Transport, TransportCounters> previous;
    private long previousNanos;
    private long previousCpuNanos;
    /** The server's CPU time at its last reading that answered, -1 before one did. */
    private long previousServerCpuNanos = -1;
    private long progressMessages;
    private long progressRequests;
    private long progressNanos;
    private ServerStats lastStats;
    private long statsFailures;

    RunMonitor(RunRecorder recorder, Load load, StatsSource stats, LatencyLog latencyLog, int sessions,
            long durationS, PrintStream progress) {
        this.recorder = recorder;
        this.load = load;
        this.stats = stats;
        this.latencyLog = latencyLog;
        this.sessions = sessions;
        this.durationS = durationS;
        this.progress = progress;
        this.previous = snapshot();
        startClock(System.nanoTime());
    }

    /**
     * The run's clock started at {@code startNanos} ({@link System#nanoTime()}): rates count from
     * then, and the server's CPU time from the reading taken now.
     */
    void clockStarted(long startNanos) {
        startClock(startNanos);
        ServerStats server = stats.fetchOrNull();
        previousServerCpuNanos = server == null ? -1 : server.processCpuNanos();
    }

    private void startClock(long startNanos) {
        this.previousNanos = startNanos;
        this.previousCpuNanos = ProcessCpu.nanos();
        this.progressNanos = startNanos;
    }

    /** Records the second that ends now, {@code elapsedS} seconds into the run. */
    TimeseriesRow tick(long elapsedS) {
        ServerStats server = stats.fetchOrNull();
        if (server == null && stats != StatsSource.NONE) {
            statsFailures++;
        } else {
            lastStats = server;
        }
        long nanos = System.nanoTime();
        long epochMs = System.currentTimeMillis();
        Map<Transport, TransportCounters> now = snapshot();
        Histogram intervalLatency = latencyLog.drain();
        double seconds = Math.max(1e-3, (nanos - previousNanos) / 1e9);
        long cpuNanos = ProcessCpu.nanos();
        double clientCpuMs = cpuNanos < 0 || previousCpuNanos < 0 ? Double.NaN : (cpuNanos - previousCpuNanos) / 1e6;
        double serverCpuMs = serverCpuMs(server);

        Map<Transport, TransportSecond> perTransport = new EnumMap<>(Transport.class);
        long messages = 0;
        long requests = 0;
        long clientConnections = 0;
        long reconnects = 0;
        long connectFailures = 0;
        long errors = 0;
        for (Map.Entry<Transport, TransportCounters> e : now.entrySet()) {
            TransportCounters c = e.getValue();
            TransportCounters p = previous.get(e.getKey());
            long dMessages = c.messagesReceived() - p.messagesReceived();
            long dRequests = c.requests() - p.requests();
            messages += dMessages;
            requests += dRequests;
            clientConnections += c.connectionsOpen();
            reconnects += c.reconnectsTotal() - p.reconnectsTotal();
            connectFailures += c.connectFailuresTotal() - p.connectFailuresTotal();
            errors += c.errors() - p.errors();
            perTransport.put(e.getKey(), new TransportSecond(c.sessionsOpen(), dMessages / seconds, dRequests / seconds));
            sessionsOpenMax.merge(e.getKey(), c.sessionsOpen(), Math::max);
        }
        double p99Ms = intervalLatency.getTotalCount() == 0 ? Double.NaN
                : intervalLatency.getValueAtPercentile(99) / 1000.0;
        int sessionsOpen = load.openSessions();
        TimeseriesRow row = new TimeseriesRow(elapsedS, epochMs, sessionsOpen, messages / seconds, requests / seconds,
                server == null ? -1 : server.busyThreads(), server == null ? -1 : server.queueLength(),
                server == null ? -1 : server.connections(), clientConnections, reconnects, connectFailures, errors,
                p99Ms, perTransport, clientCpuMs, serverCpuMs);
        rows.add(row);
        previous = now;
        previousNanos = nanos;
        previousCpuNanos = cpuNanos;
        if (elapsedS % PROGRESS_EVERY_S == 0) {
            printProgress(row, now, nanos);
        }
        return row;
    }

    /**
     * The server's CPU time since its last reading that answered, ms; NaN when this one failed or
     * the server does not report it (a failed second's time goes to the next that answers, so the
     * seconds add up to the server's CPU time from the first reading to the last).
     */
    private double serverCpuMs(ServerStats server) {
        long cpuNanos = server == null ? -1 : server.processCpuNanos();
        if (cpuNanos < 0) {
            return Double.NaN;
        }
        double ms = previousServerCpuNanos < 0 ? Double.NaN : (cpuNanos - previousServerCpuNanos) / 1e6;
        previousServerCpuNanos = cpuNanos;
        return ms;
    }

    /** Drains the latency recorders a last time, after the load stopped, so the totals hold every message. */
    void finish() {
        latencyLog.drain();
    }

    List<TimeseriesRow> rows() {
        return List.copyOf(rows);
    }

    /** Most sessions of {@code transport} connected at once, as sampled. */
    long sessionsOpenMax(Transport transport) {
        return sessionsOpenMax.getOrDefault(transport, 0L);
    }

    /** The last stats the server answered, {@code null} if it never did during the run. */
    ServerStats lastStats() {
        return lastStats;
    }

    long statsFailures() {
        return statsFailures;
    }

    private void printProgress(TimeseriesRow row, Map<Transport, TransportCounters> now, long nanos) {
        long messages = 0;
        long requests = 0;
        long errors = 0;
        for (TransportCounters c : now.values()) {
            messages += c.messagesReceived();
            requests += c.requests();
            errors += c.errors() + c.connectFailuresTotal();
        }
        double seconds = Math.max(1e-3, (nanos - progressNanos) / 1e9);
        progress.println(ProgressLine.format(row.elapsedS(), durationS, row.sessions(), sessions,
                (messages - progressMessages) / seconds, (requests - progressRequests) / seconds, row.busyThreads(),
                row.queueLength(), row.serverConnections(), errors));
        progressMessages = messages;
        progressRequests = requests;
        progressNanos = nanos;
    }

    private Map<Transport, TransportCounters> snapshot() {
        Map<Transport, TransportCounters> map = new EnumMap<>(Transport.class);
        recorder.all().forEach((t, r) -> map.put(t, r.counters()));
        return map;
    }
}
