package org.tomcatpush.harness.client.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.run.AgentsRun;
import org.tomcatpush.harness.client.run.LoadRun;
import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.server.config.ConfigException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code harness run}'s option parsing and validation for callers outside the command line (a
 * sweep builds one plan per combination of its scenario file): the same picocli model, the same
 * converters and the same checks as {@code harness run}, so a value is accepted or refused, with
 * the same one-line message, wherever it is given. Stateless and thread-safe; every call parses
 * into a fresh command.
 *
 * <pre>
 * RunPlan plan = RunPlans.plan(List.of("--transport", "sse", "--sessions", "100", "--out", "results/runs"));
 * RunPlans.checkBeforeStart(plan);
 * </pre>
 */
public final class RunPlans {

    /**
     * One option of {@code harness run}.
     *
     * @param name the long name without its dashes, e.g. {@code max-threads}
     * @param flag a switch that takes no value (e.g. {@code browser})
     */
    public record RunOption(String name, boolean flag) {
    }

    /**
     * A validated {@code harness run}: its plan (the whole run) and, with {@code --agents N} for N
     * above 1, the number of agents and how each agent's arguments are made.
     *
     * @param agents       client processes, 1 for a run in this process
     * @param agentCommand each agent's arguments ({@code null} when {@code agents} is 1)
     */
    public record PlannedRun(RunPlan plan, int agents, AgentsRun.AgentCommand agentCommand) {

        /** The run is carried out by several agent processes ({@link AgentsRun}), not by this process. */
        public boolean split() {
            return agents > 1;
        }
    }

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private RunPlans() {
    }

    /**
     * Parses {@code runArgs} (the arguments after {@code harness run}) and validates them into a plan.
     *
     * @throws ConfigException with the one-line message {@code harness run} would print
     */
    public static RunPlan plan(List<String> runArgs) {
        return planRun(runArgs).plan();
    }

    /**
     * As {@link #plan}, with {@code --agents}: the run and how it is carried out.
     *
     * @throws ConfigException with the one-line message {@code harness run} would print
     */
    public static PlannedRun planRun(List<String> runArgs) {
        CommandLine cl = HarnessCli.commandLine(new CliContext(DISCARD, DISCARD, LoadRun.sessions()));
        List<String> args = new ArrayList<>(runArgs.size() + 1);
        args.add("run");
        args.addAll(runArgs);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new ConfigException(CliErrors.oneLine(e.getMessage()));
        }
        RunCommand run = cl.getSubcommands().get("run").getCommand();
        try {
            return run.plannedRun();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(CliErrors.oneLine(e.getMessage()));
        }
    }

    /**
     * The checks {@code harness run} makes just before it starts: the open-file limit, and the
     * server's Java for virtual threads. @throws ConfigException naming the problem and the fix
     */
    public static void checkBeforeStart(RunPlan plan) {
        RunCommand.checkBeforeStart(plan);
    }

    /** As {@link #checkBeforeStart(RunPlan)}; a run of several agents is checked per agent and for its server. */
    public static void checkBeforeStart(PlannedRun run) {
        RunCommand.checkBeforeStart(run);
    }

    /** Every option {@code harness run} takes (help and version left out), in help order. */
    public static List<RunOption> options() {
        CommandSpec run = HarnessCli.commandLine(new CliContext(DISCARD, DISCARD, LoadRun.sessions()))
                .getSubcommands().get("run").getCommandSpec();
        List<RunOption> options = new ArrayList<>();
        for (OptionSpec o : run.options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            options.add(new RunOption(o.longestName().replaceFirst("^--", ""), o.arity().max() == 0));
        }
        return List.copyOf(options);
    }
}
