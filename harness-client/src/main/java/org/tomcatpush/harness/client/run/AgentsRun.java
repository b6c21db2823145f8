package org.tomcatpush.harness.client.run;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.StopHook;
import org.tomcatpush.harness.client.launch.AgentProcess;
import org.tomcatpush.harness.client.launch.ServerProcess;
import org.tomcatpush.harness.client.launch.ServerStartException;
import org.tomcatpush.harness.client.merge.RunMerge;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.scenario.AgentSlice;

/**
 * {@code harness run --agents N}: one run carried out by N client processes on this machine and
 * merged into one ordinary results folder. It creates the run folder as a run does, starts the
 * harness server as a run does (or uses {@code --target}), starts the N agents
 * ({@link AgentProcess}, each {@code harness run --agent I/N --start-at T} into
 * {@code agents/agent-I/} of the folder), waits for them (repeating on its stderr, live, each line
 * an agent ends on its own: its progress and warnings), merges their folders into the run
 * folder itself ({@link AgentsFolder}: {@link RunMerge}), judges the thresholds on the merged summary, prints the merged
 * summary table and stops the server. When an agent fails (or cannot be started) the others are
 * stopped and the folder's status is {@code failed}, naming the agent and its last stderr line;
 * on Ctrl-C or SIGTERM every agent is stopped (each writes what it measured), what they wrote is
 * merged and the status is {@code interrupted}. A shutdown hook stops the agents whatever ends
 * this process. One instance runs once, on the calling thread.
 */
public final class AgentsRun {

    /** The subfolder of the run folder that holds the agents' folders. */
    public static final String AGENTS_FOLDER = "agents";

    /**
     * How long a signal's shutdown waits for this run: the agents' own stop
     * ({@link LoadRun#SHUTDOWN_WAIT}, then a kill), the server's stop and the merge.
     */
    public static final Duration SHUTDOWN_WAIT = LoadRun.SHUTDOWN_WAIT.plus(Duration.ofSeconds(40));

    /*
     * The start is this far ahead of the launch of the agents, so that every agent JVM has started,
     * parsed its options, reached the server (agent 0 reset it) and prepared its HTTP client before
     * it. Starting a JVM is CPU work, and N of them started together share the machine's cores:
     * three agents launched together on a 2-core machine at load average 10 were ready 8 to 9 s
     * after their launch (and then started their ramp-ups 1.4 to 2.7 s late with a lead of 8.5 s).
     * 3 s per agent on top of 5 s covers that; too short a lead makes agents ramp late (each is
     * reported) or, past StartAtConverter.MAX_LATE, refuse the start and fail the run, too long a
     * lead costs only seconds of waiting.
     */
    private static final Duration LEAD_BASE = Duration.ofSeconds(5);
    private static final Duration LEAD_PER_AGENT = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(100);

    /** The {@code harness run} arguments of one agent (the parent's options, rebuilt for the agent). */
    @FunctionalInterface
    public interface AgentCommand {
        /**
         * @param target       the server every agent drives
         * @param controlToken its control token ({@code null} for none, or when the parent forwards {@code --target})
         * @param out          the folder that receives the agent's run folder
         */
        List<String> args(AgentSlice agent, URI target, String controlToken, Instant startAt, Path out, String name);
    }

    private final RunPlan plan;
    private final int agentCount;
    private final AgentCommand command;
    private final PrintStream out;
    private final PrintStream err;
    private final List<AgentProcess> agents = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;
    private long startNanos;

    /**
     * @param plan    the whole run (every agent's sessions), validated as {@code harness run} validates it
     * @param agents  how many client processes, at least 1
     * @param out     where the merged summary table goes (stdout)
     * @param err     where the agents' starts and exits, and errors, go (stderr)
     */
    public AgentsRun(RunPlan plan, int agents, AgentCommand command, PrintStream out, PrintStream err) {
        if (agents < 1) {
            throw new IllegalArgumentException("agents " + agents);
        }
        this.plan = plan;
        this.agentCount = agents;
        this.command = command;
        this.out = out;
        this.err = err;
    }

    /** The lead of the start over the launch of {@code agents} agents (see above). */
    public static Duration startLead(int agents) {
        return LEAD_BASE.plus(LEAD_PER_AGENT.multipliedBy(agents));
    }

    /**
     * Runs the agents and merges them. @return {@link ExitStatus#OK}, {@link ExitStatus#THRESHOLDS_BREACHED},
     * {@link ExitStatus#FAILED} (an agent failed, or the server did not start: the folder says which),
     * {@link ExitStatus#INTERRUPTED} (a signal), or {@link ExitStatus#BAD_INPUT} when the server refused its options
     */
    public int execute() {
        try (StopHook stop = StopHook.install("harness-agents-stopper", this::requestStop, SHUTDOWN_WAIT,
                () -> agents.stream().filter(AgentProcess::isAlive).forEach(AgentProcess::kill))) {
            return run();
        }
    }

    private int run() {
        startNanos = System.nanoTime();
        ResultsFolder folder;
        try {
            folder = ResultsFolder.begin(plan.outDir(), plan.name());
        } catch (IOException e) {
            err.println("harness: could not create the run folder under " + plan.outDir() + ": " + e.getMessage());
            return ExitStatus.FAILED;
        }
        Path dir = folder.file(AGENTS_FOLDER).getParent();
        String failure = null;
        Instant startAt = null;
        ServerProcess server = null;
        try {
            URI target = plan.target();
            String controlToken = null;
            if (plan.startsServer()) {
                try {
                    server = ServerProcess.start(plan.serverLaunch());
                    target = server.baseUri();
                    controlToken = server.controlToken();
                } catch (ServerStartException e) {
                    if (e.badInput()) {
                        err.println("harness: " + e.getMessage());
                        discard(folder);
                        return ExitStatus.BAD_INPUT;
                    }
                    failure = e.getMessage();
                } catch (IOException e) {
                    failure = "the server could not be started: " + e.getMessage();
                }
            }
            if (failure == null && !stopRequested) {
                startAt = plan.startAt() != null ? plan.startAt() : Instant.now().plus(startLead(agentCount));
                failure = launch(target, controlToken, startAt, dir);
                if (failure == null) {
                    failure = await(startAt, server);
                }
            }
        } finally {
            stopAgents();
            if (server != null) {
                server.close();
            }
        }
        // a signal wins: what failed after it (a server start cut short, an agent stopped) failed because of it
        RunStatus status = stopRequested ? RunStatus.INTERRUPTED : failure != null ? RunStatus.FAILED
                : RunStatus.COMPLETED;
        if (status == RunStatus.INTERRUPTED) {
            failure = "stopped by a signal (Ctrl-C or SIGTERM) after " + elapsedSeconds() + " s";
        }
        return new AgentsFolder(plan, agentCount, agents, out, err).write(folder, status, failure, startAt);
    }

    /** Starts every agent; the failure when one cannot be started, else {@code null}. */
    private String launch(URI target, String controlToken, Instant startAt, Path dir) {
        for (int i = 0; i < agentCount && !stopRequested; i++) {
            AgentSlice slice = new AgentSlice(i, agentCount);
            Path agentDir = dir.resolve(AGENTS_FOLDER).resolve("agent-" + i);
            try {
                AgentProcess agent = AgentProcess.start(i, command.args(slice, target, controlToken, startAt,
                        agentDir, "agent-" + i), agentDir);
                agents.add(agent);
                err.println("harness: agent " + slice + " started (pid " + agent.pid() + "), starting at " + startAt
                        + "; its output: " + agentDir);
            } catch (IOException e) {
                return "agent " + slice + " could not be started: " + e.getMessage();
            }
        }
        err.flush();
        return null;
    }

    /**
     * Waits until every agent has exited, one has failed, a signal came or the deadline passed
     * (the planned end plus {@link LoadRun#DEADLINE_GRACE} and {@link LoadRun#SHUTDOWN_WAIT}:
     * each agent has a watchdog of its own, so only a hung JVM outlasts it). @return the failure,
     * or {@code null} for none (all exited well, or a stop was asked for)
     */
    private String await(Instant startAt, ServerProcess server) {
        Instant deadline = startAt.plus(plan.duration()).plus(LoadRun.DEADLINE_GRACE).plus(LoadRun.SHUTDOWN_WAIT);
        boolean[] reported = new boolean[agents.size()];
        int running = agents.size();
        while (running > 0) {
            forwardAgentOutput();
            if (stopRequested) {
                return null;
            }
            for (AgentProcess agent : agents) {
                if (reported[agent.index()] || agent.isAlive()) {
                    continue;
                }
                reported[agent.index()] = true;
                running--;
                int status = agent.exitCode().getAsInt();
                err.println("harness: agent " + agent.index() + "/" + agentCount + " exited with status " + status);
                err.flush();
                if (status == ExitStatus.INTERRUPTED) {
                    stopRequested = true; // Ctrl-C reached the agents too (one process group): the run is stopped
                    return null;
                }
                if (status != ExitStatus.OK) {
                    return agent.describeExit().replaceFirst("^agent " + agent.index(), "agent " + agent.index()
                            + "/" + agentCount);
                }
            }
            if (server != null && !server.isAlive()) {
                return server.describeExit();
            }
            if (Instant.now().isAfter(deadline)) {
                return "deadline exceeded: the agents were still running at " + deadline + " (" + plan.duration()
                        .toSeconds() + " s from the start at " + startAt + ", plus the grace), so they were stopped";
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                stopRequested = true;
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    /** Stops every agent still running, all at once: SIGTERM to each, then a kill after {@link LoadRun#SHUTDOWN_WAIT}. */
    private void stopAgents() {
        List<AgentProcess> alive = agents.stream().filter(AgentProcess::isAlive).toList();
        alive.forEach(AgentProcess::requestStop);
        long deadlineNanos = System.nanoTime() + LoadRun.SHUTDOWN_WAIT.toNanos();
        for (AgentProcess agent : alive) {
            agent.stop(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
            err.println("harness: agent " + agent.index() + "/" + agentCount + " stopped, status "
                    + agent.exitCode().orElse(-1));
        }
        forwardAgentOutput();
        Thread.interrupted(); // a signal's interrupt must not cut the merge and the writes that follow
    }

    /**
     * Prints the lines each agent ended on its stderr since the last call (its progress every few
     * seconds, its warnings), each after {@code agent I/N: }, so the run is followed live as a run
     * of one process is.
     */
    private void forwardAgentOutput() {
        for (AgentProcess agent : agents) {
            for (String line : agent.newStderrLines()) {
                err.println("agent " + agent.index() + "/" + agentCount + ": " + line);
            }
        }
        err.flush();
    }

    private long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    private void discard(ResultsFolder folder) {
        try {
            folder.discard();
        } catch (IOException e) {
            err.println("harness: could not remove the partial folder: " + e.getMessage());
        }
    }

    /**
     * On Ctrl-C or SIGTERM: asks every agent to stop at once, waits for the run to merge and write
     * its folder, and kills whatever agent is still alive when the wait is over.
     */
    /** The signal's first step: every agent is asked to stop (it writes what it measured). */
    private void requestStop() {
        stopRequested = true;
        agents.forEach(AgentProcess::requestStop);
    }
}
