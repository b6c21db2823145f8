package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.StopHook;
import org.tomcatpush.harness.client.accounting.RunRecorder;
import org.tomcatpush.harness.client.launch.JavaRuntime;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerStartException;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ForeignTargetNote;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.ResultsWriter;
import org.tomcatpush.harness.client.results.RunResult;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.report.SummaryTable;
import org.tomcatpush.harness.client.serverstats.ClockOffset;
import org.tomcatpush.harness.client.serverstats.HeapReading;
import org.tomcatpush.harness.client.serverstats.JmxStats;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.client.serverstats.StatsClient;
import org.tomcatpush.harness.client.serverstats.TomcatJmx;
import org.tomcatpush.harness.client.thresholds.ThresholdCheck;

/**
 * Runs one {@link RunPlan} from start to results: starts the server (or checks the target) and,
 * with {@code --proxy nginx}, nginx in front of it, resets its counters, starts the load, samples
 * once a second for the run's duration, stops the load, collects the final figures, judges the
 * plan's thresholds on the summary rows, writes the results folder and prints the summary table.
 * Whatever happens (failure, dead server, Ctrl-C) the server and nginx are stopped and what was
 * measured is written with its status; only a server that refuses its options (bad input) leaves no folder.
 * Every run has a hard deadline: {@code --duration} plus {@link #DEADLINE_GRACE} after the load
 * starts (before that, {@code --listen-timeout} plus the grace and the duration). A watchdog
 * thread that finds the run still going at its deadline stops it, and the run is written with
 * status {@code failed} and the cause {@code deadline exceeded}. One instance runs once, on the
 * calling thread.
 */
public final class LoadRun {

    // a server JVM that has just printed LISTENING may still be warming up on a loaded machine
    static final Duration START_STATS_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TICK_STATS_TIMEOUT = Duration.ofMillis(800);
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final Duration JMX_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a signal's shutdown waits for the run to stop and write its folder. */
    public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);
    private static final Duration SESSION_STOP_WAIT = Duration.ofSeconds(10);

    /** Time a run may take past its planned end before the watchdog stops it. */
    public static final Duration DEADLINE_GRACE = Duration.ofSeconds(30);
    /** How often the watchdog compares the time with the deadline. */
    private static final long DEADLINE_CHECK_MS = 1000;

    private final RunPlan plan;
    private final Load.Factory loads;
    private final String harnessVersion;
    private final PrintStream out;
    private final PrintStream err;
    private final RunRecorder recorder;
    private final RunState state;
    private final SynchronizedStart start;
    private final Duration deadlineGrace;
    private volatile boolean stopRequested;
    private volatile boolean signalled;
    private volatile boolean deadlineExceeded;
    private volatile long deadlineNanos;
    private volatile ServerHandle openServer;
    /** The thread that runs the plan, which {@link #sleepUntil} parks and a stop unparks. */
    private volatile Thread runThread;
    private String targetControlToken;

    /**
     * @param loads          makes the sessions ({@link #sessions()} in production)
     * @param harnessVersion this tool's version, for run.json
     * @param out            where the summary table goes (stdout)
     * @param err            where progress and errors go (stderr)
     */
    public LoadRun(RunPlan plan, Load.Factory loads, String harnessVersion, PrintStream out, PrintStream err) {
        this(plan, loads, harnessVersion, out, err, DEADLINE_GRACE);
    }

    /** As above with another deadline grace, so that tests need not wait 30 s to see the deadline. */
    LoadRun(RunPlan plan, Load.Factory loads, String harnessVersion, PrintStream out, PrintStream err,
            Duration deadlineGrace) {
        this.deadlineGrace = deadlineGrace;
        this.plan = plan;
        this.loads = loads;
        this.harnessVersion = harnessVersion;
        this.out = out;
        this.err = err;
        this.recorder = new RunRecorder(plan.mix());
        this.state = new RunState(plan, recorder);
        this.start = new SynchronizedStart(plan.startAt(), plan.agent());
    }

    /**
     * The control token of the {@code --target} server ({@code --control-token}), for a target
     * whose {@code /harness/*} endpoints need one. A server the run starts gives its own.
     * @return this run
     */
    public LoadRun withTargetControlToken(String token) {
        this.targetControlToken = token;
        return this;
    }

    /** The session engine, the load of every real run. */
    public static Load.Factory sessions() {
        return SessionLoad.FACTORY;
    }

    /**
     * Runs the plan.
     *
     * @return {@link ExitStatus#OK} when the run completed, {@link ExitStatus#THRESHOLDS_BREACHED} when it
     *         completed but a threshold was breached, {@link ExitStatus#FAILED} when it failed,
     *         {@link ExitStatus#INTERRUPTED} when a signal stopped it (its folder says so),
     *         {@link ExitStatus#BAD_INPUT} when the server refused its options
     */
    public int execute() {
        runThread = Thread.currentThread();
        try (StopHook stop = StopHook.install("harness-run-stopper", this::requestStopBySignal, SHUTDOWN_WAIT)) {
            startWatchdog(stop);
            return run();
        }
    }

    /** Starts the watchdog of this run's deadline (the start-up, the --start-at wait, the duration and a grace). */
    private void startWatchdog(StopHook stop) {
        Duration startBound = plan.startsServer() ? plan.listenTimeout() : START_STATS_TIMEOUT;
        // the wait for --start-at comes before the ramp-up: the watchdog's bound includes it
        startBound = startBound.plus(start.remaining());
        deadlineNanos = System.nanoTime() + startBound.plus(plan.duration()).plus(deadlineGrace).toNanos();
        Thread watchdog = new Thread(() -> watchDeadline(runThread, stop), "harness-run-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private int run() {
        ServerHandle server = null;
        try {
            try {
                server = new ServerOpener(plan, state, targetControlToken, opened -> openServer = opened).open();
                measure(server);
            } catch (BadTarget e) {
                err.println("harness: " + e.getMessage());
                state.discardFolder();
                return ExitStatus.BAD_INPUT;
            } catch (ServerStartException e) {
                if (e.badInput()) {
                    err.println("harness: " + e.getMessage());
                    state.discardFolder();
                    return ExitStatus.BAD_INPUT;
                }
                state.fail(e.getMessage());
            } catch (RunFailure e) {
                state.fail(e.getMessage());
            } catch (IOException e) {
                state.fail("I/O error: " + e.getMessage());
            } catch (RuntimeException e) {
                state.fail("unexpected error: " + e);
                e.printStackTrace(err);
            }
            Thread.interrupted(); // a stop interrupts the run's thread: the teardown must still wait and write
            if (deadlineExceeded) {
                state.fail(deadlineText());
            } else if (signalled) {
                state.interrupt("stopped by a signal (Ctrl-C or SIGTERM) after " + elapsedText());
            }
            if (!state.stopLoad(SESSION_STOP_WAIT)) {
                state.fail("the sessions did not stop within " + SESSION_STOP_WAIT.toSeconds() + " s");
            }
            if (!deadlineExceeded) {
                state.collectFinalStats(server, SETTLE);
            } else {
                state.collectFinalStats(null, SETTLE);
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
        return report();
    }

    private void measure(ServerHandle server) throws IOException, RunFailure, BadTarget {
        // harness-server: /harness/stats, reset and gc; a foreign application: Tomcat's MBeans, or nothing
        StatsClient stats = plan.foreignTarget() ? null
                : new StatsClient(server.controlUri(), START_STATS_TIMEOUT, server.controlToken());
        RunMonitor.StatsSource source;
        if (stats == null) {
            JmxStats jmx = openJmx();
            state.serverAnswered(server.baseUri(), jmx == null ? null : jmx.initial());
            state.jmxOpened(jmx);
            source = jmx == null ? RunMonitor.StatsSource.NONE : jmx::sample;
        } else {
            ServerStats initial;
            try {
                initial = stats.fetch();
            } catch (IOException e) {
                throw RunFailure.noStats(server.baseUri(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunFailure("interrupted while contacting the server");
            }
            state.serverAnswered(server.baseUri(), initial);
            source = () -> fetchOrNull(stats);
        }
        Load load = loads.create(state.scenario(), recorder);
        state.loadCreated(load);
        ResultsFolder folder = state.beginFolder();
        if (stats != null && plan.agent().resetsServer()) {
            // agents after the first join a run agent 0 has begun: resetting would erase its counts
            try {
                stats.reset();
            } catch (IOException e) {
                throw new RunFailure("the server at " + server.baseUri() + " refused POST /harness/reset ("
                        + e.getMessage() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunFailure("interrupted while resetting the server's counters");
            }
            state.baselineHeapRead(heapAfterGc(stats));
        }
        if (stats != null) {
            ClockOffset offset = SynchronizedStart.clockOffset(stats);
            state.clockOffsetRead(offset);
            if (offset != null) {
                offset.problem().ifPresent(problem -> err.println("harness: warning: " + problem));
            }
        }
        // the HTTP client and the sessions are set up before any wait, so the ramp-up starts on time
        load.prepare();
        if (!start.await(err, this::sleepUntil)) {
            return; // stopped while waiting: no session was opened
        }
        // the log opens before the sessions start, so no message is ever recorded before it
        LatencyLog latencyLog = LatencyLog.open(folder.file(ResultsWriter.LATENCY_LOG), recorder,
                System.currentTimeMillis());
        state.latencyLogOpened(latencyLog);
        RunMonitor monitor = new RunMonitor(recorder, load, source, latencyLog, plan.processSessions(),
                durationSeconds(), err);
        state.monitorStarted(monitor);
        load.start();
        // the clock starts with the ramp-up, once the session engine has set itself up
        long startNanos = System.nanoTime();
        deadlineNanos = startNanos + plan.duration().plus(deadlineGrace).toNanos();
        state.loadStarting(Instant.now());
        monitor.clockStarted(startNanos);
        long durationNanos = plan.duration().toNanos();
        for (long second = 1; second * 1_000_000_000L <= durationNanos; second++) {
            if (!sleepUntil(startNanos + second * 1_000_000_000L) || serverFailed(server)) {
                return;
            }
            monitor.tick(second);
            state.sampleClientCost();
        }
        if (sleepUntil(startNanos + durationNanos) && !serverFailed(server)) {
            // the window ends here; the collection's pause is the server's, after the window
            state.windowEnded();
            if (stats != null && plan.agent().resetsServer()) {
                // a full collection on the server is agent 0's, like the reset: once per run
                HeapReading held = heapAfterGc(stats);
                state.heldHeapRead(held, load.openSessions());
            }
        }
    }

    /**
     * Connects to the plan's {@code --jmx} and takes its first reading, before any load; {@code null}
     * without {@code --jmx}. @throws BadTarget when it does not answer or has no connector of the target's port
     */
    private JmxStats openJmx() throws BadTarget {
        if (plan.jmx() == null) {
            return null;
        }
        try {
            return new JmxStats(TomcatJmx.connect(plan.jmx(), plan.target().getPort(), JMX_CONNECT_TIMEOUT.toMillis()));
        } catch (IOException e) {
            throw new BadTarget("--jmx: " + e.getMessage());
        }
    }

    /** The server's heap after a full collection ({@code POST /harness/gc}); unknown from a server without it. */
    private static HeapReading heapAfterGc(StatsClient stats) {
        try {
            return stats.collectGarbage();
        } catch (IOException e) {
            return HeapReading.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HeapReading.UNKNOWN;
        }
    }

    private boolean serverFailed(ServerHandle server) {
        var failure = server.failure();
        failure.ifPresent(f -> state.fail(f + " (after " + elapsedText() + ")"));
        return failure.isPresent();
    }

    private int report() {
        RunResult measured = state.toResult(EnvironmentProbe.collect(harnessVersion, serverJavaText(),
                serverJavaVersion(), state.tomcatVersion(), state.clientCost()));
        RunResult result = measured.withThresholdOutcomes(ThresholdCheck.evaluate(plan.thresholds(),
                SummaryCsv.cells(measured).stream().map(SummaryRow::new).toList()));
        Path folder = null;
        try {
            folder = state.writeResults(result, err);
        } catch (IOException e) {
            err.println("harness: could not write the results: " + e.getMessage());
        }
        SummaryTable.print(result, folder == null ? null : folder.toString(), out);
        out.flush();
        if (plan.foreignTarget()) {
            err.println("harness: note: " + ForeignTargetNote.of(result, plan.endpoints().publishTimeField()));
        }
        if (!result.status().dataComplete()) {
            err.println("harness: run " + result.status().label() + ": " + result.failure());
            return result.status() == RunStatus.INTERRUPTED ? ExitStatus.INTERRUPTED : ExitStatus.FAILED;
        }
        if (folder == null) {
            return ExitStatus.FAILED;
        }
        return result.status() == RunStatus.THRESHOLDS_BREACHED ? ExitStatus.THRESHOLDS_BREACHED : ExitStatus.OK;
    }

    private String serverJavaText() {
        return plan.startsServer() ? plan.serverJava().toString() : "external";
    }

    private String serverJavaVersion() {
        if (!plan.startsServer()) {
            return "unknown";
        }
        if (plan.serverJava().equals(ServerLaunch.currentJava())) {
            return JavaRuntime.current().version();
        }
        return JavaRuntime.probe(plan.serverJava(), Duration.ofSeconds(10)).map(JavaRuntime::version).orElse("unknown");
    }

    private long durationSeconds() {
        return (plan.duration().toMillis() + 999) / 1000;
    }

    private String elapsedText() {
        return state.elapsedSeconds() + " s";
    }

    private static ServerStats fetchOrNull(StatsClient stats) {
        try {
            return stats.fetch(TICK_STATS_TIMEOUT);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Sleeps until {@code deadlineNanos}; false when a stop was requested first (a signal unparks
     * the thread, the watchdog interrupts it). Parked for the whole wait, not woken every 100 ms to
     * look for a stop: on a machine shared with the server each wake-up is CPU taken from it.
     */
    private boolean sleepUntil(long deadlineNanos) {
        while (true) {
            if (stopRequested) {
                return false;
            }
            long remainingNanos = deadlineNanos - System.nanoTime();
            if (remainingNanos <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, remainingNanos);
            if (Thread.currentThread().isInterrupted()) {
                stopRequested = true;
            }
        }
    }

    /**
     * The watchdog: at the deadline, stops the run (its thread is interrupted out of any wait) and
     * stops a child server, so that a stuck run still ends, is written as failed, and leaves no
     * process behind.
     */
    private void watchDeadline(Thread runThread, StopHook stop) {
        try {
            // a look a second: the deadline moves once (when the run's clock starts), and a wake-up
            // every 100 ms cost the client 1.5 ms of CPU a second for a grace of tens of seconds
            while (!stop.awaitFinished(DEADLINE_CHECK_MS)) {
                if (System.nanoTime() - deadlineNanos > 0) {
                    deadlineExceeded = true;
                    stopRequested = true;
                    runThread.interrupt();
                    ServerHandle server = openServer;
                    if (server != null) {
                        server.close();
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String deadlineText() {
        return "deadline exceeded: the run was still going " + deadlineGrace.toSeconds() + " s after its planned end ("
                + plan.duration().toSeconds() + " s), so it was stopped";
    }

    /** The signal's step: the run stops where it is and writes what it measured. */
    private void requestStopBySignal() {
        signalled = true;
        stopRequested = true;
        LockSupport.unpark(runThread);
    }

    /** A run that cannot go on; the message is one line for the user. */
    static final class RunFailure extends Exception {
        private static final long serialVersionUID = 1L;

        RunFailure(String message) {
            super(message, null, false, false);
        }

        /** The server at {@code server} did not answer {@code /harness/stats}. */
        static RunFailure noStats(URI server, IOException e) {
            return new RunFailure("the server at " + server + " does not answer /harness/stats (" + e.getMessage()
                    + "): is it a harness server? (another application: add --endpoints)");
        }
    }

    /** A target the plan may not drive after all (found only by asking it); the run is bad input. */
    static final class BadTarget extends Exception {
        private static final long serialVersionUID = 1L;

        BadTarget(String message) {
            super(message, null, false, false);
        }
    }
}
