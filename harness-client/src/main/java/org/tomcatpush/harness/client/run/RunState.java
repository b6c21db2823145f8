package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.launch.NginxConfig;
import org.tomcatpush.harness.client.report.RunReport;
import org.tomcatpush.harness.client.results.ClientCost;
import org.tomcatpush.harness.client.results.ClientCounts;
import org.tomcatpush.harness.client.results.HeldMemory;
import org.tomcatpush.harness.client.results.LatencySummary;
import org.tomcatpush.harness.client.results.ProxyInfo;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.ResultsWriter;
import org.tomcatpush.harness.client.results.RunEnvironment;
import org.tomcatpush.harness.client.results.RunResult;
import org.tomcatpush.harness.client.results.RunSetup;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.results.ServerSettings;
import org.tomcatpush.harness.client.results.TimeseriesRow;
import org.tomcatpush.harness.client.results.TransportResult;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.serverstats.HeapReading;
import org.tomcatpush.harness.client.serverstats.JmxStats;
import org.tomcatpush.harness.client.serverstats.ClockOffset;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.client.serverstats.StatsClient;
import org.tomcatpush.harness.client.session.EventLoopDelay;

/**
 * What a {@link LoadRun} has learnt so far, filled in step by step as the run gets further, and
 * turned into one immutable {@link RunResult} at the end, however far it got. Owns the closing of
 * the load and of the latency log. Confined to the run's thread.
 */
final class RunState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FINAL_STATS_TIMEOUT = Duration.ofSeconds(5);

    private final RunPlan plan;
    private final RunRecorder recorder;
    private final Instant requestedAt = Instant.now();
    private RunStatus status = RunStatus.COMPLETED;
    private String failure;
    private ServerHandle server;
    private URI baseUri;
    private URI controlUri;
    private ServerStats initialStats;
    private ServerStats finalStats;
    private Scenario scenario;
    private ResultsFolder folder;
    private Instant startedAt;
    private Instant endedAt;
    private LatencyLog latencyLog;
    private Load load;
    private RunMonitor monitor;
    private final ClientCostMeter clientCost = new ClientCostMeter();
    private HeapReading baselineHeap = HeapReading.UNKNOWN;
    private HeldMemory heldMemory = HeldMemory.UNKNOWN;
    private EventLoopDelay.Summary eventLoopDelay;
    private ProxyInfo proxy = ProxyInfo.NONE;
    private ClockOffset clockOffset;
    private JmxStats jmx;

    RunState(RunPlan plan, RunRecorder recorder) {
        this.plan = plan;
        this.recorder = recorder;
    }

    void serverStarted(ServerHandle handle) {
        this.server = handle;
        this.baseUri = handle.baseUri();
        this.controlUri = handle.controlUri();
    }

    /** The server-side figures come from Tomcat's MBeans over JMX ({@code null}: none); closed with the final stats. */
    void jmxOpened(JmxStats opened) {
        jmx = opened;
    }

    /** The sessions go through this proxy. */
    void clockOffsetRead(ClockOffset offset) {
        clockOffset = offset;
    }

    void proxyStarted(ProxyInfo started) {
        proxy = started;
    }

    void serverAnswered(URI base, ServerStats initial) {
        this.baseUri = base;
        this.initialStats = initial;
        this.scenario = plan.scenario(base, maxKeepAliveRequests(), longPollHold());
    }

    ResultsFolder beginFolder() throws IOException {
        if (folder == null) {
            folder = ResultsFolder.begin(plan.outDir(), plan.name());
        }
        return folder;
    }

    void loadStarting(Instant now) {
        startedAt = now;
        clientCost.start();
    }

    /** Notes the client's heap and resident memory now (once a second during the window). */
    void sampleClientCost() {
        clientCost.sample();
    }

    /** The idle server's heap after a collection, read after the reset and before the load. */
    void baselineHeapRead(HeapReading baseline) {
        baselineHeap = baseline;
    }

    /** The server's heap after a collection with {@code sessionsHeld} sessions open, read as the window ended. */
    void heldHeapRead(HeapReading held, long sessionsHeld) {
        heldMemory = new HeldMemory(baselineHeap, held, sessionsHeld);
    }

    /**
     * The measured window ends now (the first call counts): the sessions are still open, but
     * nothing after this is measured as the run's, and the client's CPU time stops counting.
     */
    void windowEnded() {
        if (endedAt == null) {
            endedAt = Instant.now();
        }
        clientCost.stop();
        if (eventLoopDelay == null && load != null) {
            eventLoopDelay = load.eventLoopDelay();
        }
    }

    /** The client's own cost over the window, the event loops' lateness included. */
    ClientCost clientCost() {
        return clientCost.result(eventLoopDelay != null ? eventLoopDelay : EventLoopDelay.Summary.UNKNOWN);
    }

    void latencyLogOpened(LatencyLog log) {
        latencyLog = log;
    }

    void loadCreated(Load created) {
        load = created;
    }

    void monitorStarted(RunMonitor started) {
        monitor = started;
    }

    /** Marks the run failed; the first cause is kept. */
    void fail(String cause) {
        if (status == RunStatus.COMPLETED) {
            status = RunStatus.FAILED;
            failure = cause;
        }
    }

    /** Marks the run stopped by the user, whatever else went wrong as it was being stopped. */
    void interrupt(String cause) {
        status = RunStatus.INTERRUPTED;
        failure = cause;
    }

    /**
     * Stops the sessions and drains the latency recorders a last time. The sessions are stopped on
     * a thread of their own, so a load that does not stop cannot hold the run past {@code wait}.
     *
     * @return false when the load had not stopped within {@code wait}
     */
    boolean stopLoad(Duration wait) {
        // the measured window ends when the sessions are told to stop (or earlier, at the held-heap
        // reading); the teardown is not part of it
        windowEnded();
        boolean stopped = true;
        if (load != null) {
            Load closing = load;
            String[] error = new String[1];
            Thread stopper = new Thread(() -> {
                try {
                    closing.close();
                } catch (RuntimeException e) {
                    error[0] = e.toString();
                }
            }, "harness-load-stopper");
            stopper.setDaemon(true);
            stopper.start();
            try {
                stopper.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped = !stopper.isAlive();
            if (stopped && error[0] != null) {
                fail("the sessions did not stop cleanly: " + error[0]);
            }
        }
        if (monitor != null) {
            monitor.finish();
        }
        return stopped;
    }

    /**
     * Asks a live server for its final stats and sampled series, after a short pause that lets it
     * finish counting the requests the stopped sessions left behind. Request and connection
     * counts come from that answer; the sampled thread, queue and connection summaries from the
     * server's own samples in the measured window (from the start of the ramp-up to the stop of the
     * sessions), so neither the idle moments before nor the teardown dilute them. When the server
     * no longer answers, the last per-second stats give the counts and the sampled figures stay
     * unknown: there is no series to take them from.
     */
    void collectFinalStats(ServerHandle handle, Duration settle) {
        if (jmx != null) {
            try {
                if (handle != null) {
                    Thread.sleep(settle.toMillis());
                    finalStats = jmx.last();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                jmx.close();
            }
        } else if (handle != null && handle.failure().isEmpty() && controlUri != null && initialStats != null) {
            try {
                Thread.sleep(settle.toMillis());
                finalStats = new StatsClient(controlUri, FINAL_STATS_TIMEOUT, handle.controlToken()).fetchWithSeries();
            } catch (IOException e) {
                finalStats = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (finalStats == null && monitor != null) {
            finalStats = monitor.lastStats();
        }
        if (finalStats != null && startedAt != null) {
            Instant end = endedAt != null ? endedAt : Instant.now();
            finalStats = finalStats.inWindow(startedAt.toEpochMilli(), end.toEpochMilli());
        }
    }

    Scenario scenario() {
        return scenario;
    }

    Instant startedAt() {
        return startedAt;
    }

    long elapsedSeconds() {
        Instant from = startedAt != null ? startedAt : requestedAt;
        return Duration.between(from, Instant.now()).toSeconds();
    }

    String tomcatVersion() {
        ServerStats any = finalStats != null ? finalStats : initialStats;
        return any == null ? "unknown" : any.tomcatVersion();
    }

    void discardFolder() {
        if (folder != null) {
            try {
                folder.discard();
            } catch (IOException ignored) {
                // a hidden .partial folder is all that can be left
            }
        }
    }

    /**
     * Closes the latency log, writes every file and the HTML report, and commits the folder. A
     * report that cannot be drawn is reported on {@code err} and does not fail the run: the data
     * files are the result. @return the final folder
     */
    Path writeResults(RunResult result, PrintStream err) throws IOException {
        if (latencyLog != null) {
            latencyLog.close();
        }
        beginFolder();
        ResultsWriter.write(result, folder);
        try {
            RunReport.write(folder.file(RunReport.FILE_NAME).getParent());
        } catch (IOException | RuntimeException e) {
            err.println("harness: the run's report.html could not be drawn (" + e.getMessage()
                    + "); the result files are complete: try 'harness report RUN_DIR'");
        }
        return folder.commit();
    }

    RunResult toResult(RunEnvironment environment) {
        Scenario s = scenario != null ? scenario : plan.scenario(plannedUri(), maxKeepAliveRequests(), longPollHold());
        Map<Transport, Integer> assigned = new EnumMap<>(Transport.class);
        List<Transport> processTransports = s.processTransports();
        processTransports.forEach(t -> assigned.merge(t, 1, Integer::sum));
        boolean single = s.mix().transports().size() == 1;
        List<TransportResult> rows = new ArrayList<>();
        for (Transport t : s.mix().transports()) {
            rows.add(new TransportResult(t.cliName(), assigned.getOrDefault(t, 0),
                    monitor == null ? 0 : monitor.sessionsOpenMax(t),
                    clientCounts(t), total(t, LatencyLog.Family.LATENCY),
                    total(t, LatencyLog.Family.RESPONSE_TIME), total(t, LatencyLog.Family.UNCORRECTED_RESPONSE_TIME),
                    serverRequests(t, single), single ? finalStats : null,
                    total(t, LatencyLog.Family.FIRST_MESSAGE), total(t, LatencyLog.Family.FAILURE_TIME),
                    total(t, LatencyLog.Family.CONNECT_TIME)));
        }
        TransportResult all = single ? null : new TransportResult("all", processTransports.size(), sessionsOpenMaxOfAll(),
                ClientCounts.sum(rows.stream().map(TransportResult::client).toList()),
                totalOfAll(LatencyLog.Family.LATENCY), totalOfAll(LatencyLog.Family.RESPONSE_TIME),
                totalOfAll(LatencyLog.Family.UNCORRECTED_RESPONSE_TIME),
                finalStats == null ? -1 : finalStats.requestsTotal(), finalStats,
                totalOfAll(LatencyLog.Family.FIRST_MESSAGE), totalOfAll(LatencyLog.Family.FAILURE_TIME),
                totalOfAll(LatencyLog.Family.CONNECT_TIME));
        Map<String, Integer> perTransport = new LinkedHashMap<>();
        assigned.forEach((t, n) -> perTransport.put(t.cliName(), n));
        RunSetup setup = new RunSetup(plan.name(), s, settings(), serverConfigJson(),
                server == null ? (plan.startsServer() ? "child" : "target") : server.mode(), plan.serverHeap(),
                server == null ? -1 : server.pid(), perTransport, plan.commandLine(), proxy, plan.startAt(),
                clockOffset, initialStats == null ? -1 : initialStats.resetsSinceStart());
        Instant start = startedAt != null ? startedAt : requestedAt;
        Instant end = endedAt != null ? endedAt : Instant.now();
        String runId = folder != null ? folder.runId() : plan.name();
        return new RunResult(runId, status, failure, setup, environment, start, end, rows, all, finalStats,
                monitor == null ? List.<TimeseriesRow>of()
                        : TimeseriesRow.withServerSamples(monitor.rows(), finalStats == null ? List.of() : finalStats.series()),
                finalStats == null ? List.of() : finalStats.series(), monitor == null ? 0 : monitor.statsFailures(),
                plan.thresholds(), List.of(), heldMemory);
    }

    /**
     * The client's counts of {@code t}; a foreign application's messages without a numeric id had
     * no sequence check, so its loss and duplicate counts are unknown, not 0.
     */
    private ClientCounts clientCounts(Transport t) {
        ClientCounts counts = ClientCounts.of(recorder.forTransport(t).counters());
        boolean sequenced = recorder.forTransport(t).messagesSequenced() > 0;
        return plan.foreignTarget() && !sequenced ? counts.withoutSequenceCheck() : counts;
    }

    /**
     * The server's request count of {@code t}'s traffic: its endpoint's, or, over JMX (which counts
     * per connector, not per path), the connector's total in a run of one transport.
     */
    private long serverRequests(Transport t, boolean single) {
        if (finalStats == null) {
            return -1;
        }
        return finalStats.readOverJmx() ? (single ? finalStats.requestsTotal() : -1) : finalStats.requests(t);
    }

    /** The keep-alive limit of the hop the sessions' connections end at: the proxy's, or the server's. */
    private int maxKeepAliveRequests() {
        if (plan.proxy().enabled()) {
            return NginxConfig.CLIENT_KEEPALIVE_REQUESTS;
        }
        if (plan.startsServer()) {
            return plan.serverConfig().maxKeepAliveRequests();
        }
        return initialStats == null ? -1 : (int) initialStats.configLong("maxKeepAliveRequests", -1);
    }

    /** The server's long-poll hold, for the long poll's default request timeout: as started, or as a target reports it. */
    private Duration longPollHold() {
        if (plan.startsServer()) {
            return Duration.ofMillis(plan.serverConfig().longPollHoldMs());
        }
        long reportedMs = initialStats == null ? -1 : initialStats.configLong("longPollHoldMs", -1);
        return reportedMs > 0 ? Duration.ofMillis(reportedMs) : Scenario.DEFAULT_SERVER_LONG_POLL_HOLD;
    }

    private URI plannedUri() {
        if (baseUri != null) {
            return baseUri;
        }
        return plan.plannedBaseUri();
    }

    private ServerSettings settings() {
        if (plan.startsServer()) {
            return ServerSettings.of(plan.serverConfig(), plan.virtualThreads());
        }
        return ServerSettings.from(reportedConfig());
    }

    private JsonNode serverConfigJson() {
        JsonNode reported = reportedConfig();
        if (reported.size() > 0 || !plan.startsServer()) {
            return reported;
        }
        ObjectNode planned = JSON.valueToTree(plan.serverConfig());
        planned.put("virtualThreads", plan.virtualThreads());
        return planned;
    }

    private JsonNode reportedConfig() {
        ServerStats any = initialStats != null ? initialStats : finalStats;
        return any == null ? JSON.createObjectNode() : any.config();
    }

    private long sessionsOpenMaxOfAll() {
        return monitor == null ? 0 : monitor.rows().stream().mapToLong(TimeseriesRow::sessions).max().orElse(0);
    }

    private LatencySummary total(Transport t, LatencyLog.Family family) {
        return latencyLog == null ? LatencySummary.EMPTY : latencyLog.total(t, family);
    }

    private LatencySummary totalOfAll(LatencyLog.Family family) {
        return latencyLog == null ? LatencySummary.EMPTY : latencyLog.totalOfAll(family);
    }
}
