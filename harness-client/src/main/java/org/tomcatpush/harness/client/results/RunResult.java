package org.tomcatpush.harness.client.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.serverstats.ServerSample;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.client.thresholds.ThresholdCheck;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;

/**
 * Everything a finished (or failed) run measured, as one immutable snapshot built once after the
 * run; the writers only format it.
 *
 * @param runId             the folder name, {@code yyyyMMdd-HHmmss-name}
 * @param status            how the run ended
 * @param failure           why it failed or was interrupted, {@code null} when it completed
 * @param setup             what it was asked to do
 * @param environment       where it ran
 * @param startedAt         when the load started
 * @param endedAt           when the load stopped
 * @param transports        one result per transport of the mix, in transport order
 * @param all               the sum over the transports for a mixed run, {@code null} for one transport
 * @param finalServerStats  the server's stats at the end (or the last it answered), {@code null} when it never answered
 * @param timeseries        one row per second
 * @param serverSamples     the server's fine-grained samples, empty when it did not send them
 * @param statsFailures     per-second stats requests that failed or timed out
 * @param thresholds        the run's {@code --threshold}s, in the order given
 * @param thresholdOutcomes how each threshold came out on each row it applies to; empty until judged
 * @param heldMemory        the server's heap before the load and with the sessions held
 */
public record RunResult(String runId, RunStatus status, String failure, RunSetup setup, RunEnvironment environment,
        Instant startedAt, Instant endedAt, List<TransportResult> transports, TransportResult all,
        ServerStats finalServerStats, List<TimeseriesRow> timeseries, List<ServerSample> serverSamples,
        long statsFailures, List<Threshold> thresholds, List<ThresholdOutcome> thresholdOutcomes,
        HeldMemory heldMemory) {

    public RunResult {
        transports = List.copyOf(transports);
        timeseries = List.copyOf(timeseries);
        serverSamples = List.copyOf(serverSamples);
        thresholds = List.copyOf(thresholds);
        thresholdOutcomes = List.copyOf(thresholdOutcomes);
    }

    /** A result without a held-memory reading. */
    public RunResult(String runId, RunStatus status, String failure, RunSetup setup, RunEnvironment environment,
            Instant startedAt, Instant endedAt, List<TransportResult> transports, TransportResult all,
            ServerStats finalServerStats, List<TimeseriesRow> timeseries, List<ServerSample> serverSamples,
            long statsFailures, List<Threshold> thresholds, List<ThresholdOutcome> thresholdOutcomes) {
        this(runId, status, failure, setup, environment, startedAt, endedAt, transports, all, finalServerStats,
                timeseries, serverSamples, statsFailures, thresholds, thresholdOutcomes, HeldMemory.UNKNOWN);
    }

    /** A result without thresholds. */
    public RunResult(String runId, RunStatus status, String failure, RunSetup setup, RunEnvironment environment,
            Instant startedAt, Instant endedAt, List<TransportResult> transports, TransportResult all,
            ServerStats finalServerStats, List<TimeseriesRow> timeseries, List<ServerSample> serverSamples,
            long statsFailures) {
        this(runId, status, failure, setup, environment, startedAt, endedAt, transports, all, finalServerStats,
                timeseries, serverSamples, statsFailures, List.of(), List.of());
    }

    /**
     * This result with its thresholds judged: the outcomes recorded and, when one is breached in a
     * run that completed, the status {@link RunStatus#THRESHOLDS_BREACHED} (a failed or interrupted
     * run keeps its status).
     */
    public RunResult withThresholdOutcomes(List<ThresholdOutcome> outcomes) {
        RunStatus judged = status == RunStatus.COMPLETED && ThresholdCheck.anyBreached(outcomes)
                ? RunStatus.THRESHOLDS_BREACHED : status;
        return new RunResult(runId, judged, failure, setup, environment, startedAt, endedAt, transports, all,
                finalServerStats, timeseries, serverSamples, statsFailures, thresholds, outcomes, heldMemory);
    }

    /** The rows of {@code summary.csv}: each transport, then {@code all} for a mixed run. */
    public List<TransportResult> summaryRows() {
        List<TransportResult> rows = new ArrayList<>(transports);
        if (all != null) {
            rows.add(all);
        }
        return rows;
    }

    /** Seconds between the start and the end of the load. */
    public double measuredDurationS() {
        return (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
