package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.SignalExit;
import org.tomcatpush.harness.client.run.Load;
import org.tomcatpush.harness.client.run.LoadRun;
import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.client.sweep.DryRun;
import org.tomcatpush.harness.client.sweep.OptionKeys;
import org.tomcatpush.harness.client.sweep.ScenarioFile;
import org.tomcatpush.harness.client.sweep.StartupOverhead;
import org.tomcatpush.harness.client.sweep.SweepPlan;
import org.tomcatpush.harness.client.sweep.SweepRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code harness sweep SCENARIO_FILE}: reads a scenario file, validates every run it describes
 * as {@code harness run} would, then runs them one after another, each on a fresh server, into
 * one sweep folder with {@code sweep.csv} and a comparing {@code report.html}. {@code --dry-run}
 * lists the runs and the estimated time instead. Bad input (the file or any run's options) is one
 * line on stderr and exit status 2, before anything runs or is written.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        sortOptions = false, usageHelpWidth = 110,
        description = {
            "Runs the cartesian product of a scenario file's swept values, each run on a fresh server exactly as"
                    + " 'harness run' runs it, and writes <out>/<yyyyMMdd-HHmmss>-sweep-<name>/ with every run's"
                    + " folder, sweep.csv (one row per run and transport) and report.html (each key metric against"
                    + " the swept values, one series per transport).",
            "Scenario file (YAML; keys are 'harness run' options without dashes; see docs/SWEEP.md):",
            "  name: threads-vs-transport",
            "  fixed: {sessions: 500, duration: 30s, publish-rate: 5}",
            "  sweep: {transport: [short-poll, long-poll, sse, ws], max-threads: [50, 200], handler: [async, blocking]}"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every run completed (and every threshold held)",
            "1:a run failed (sweep.csv says which)", "2:bad input (nothing was run, no folder written)",
            "3:every run completed but one breached a threshold", "130:interrupted by Ctrl-C or SIGTERM"})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO_FILE", description = "The scenario file (YAML).")
    Path scenarioFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/runs",
            description = "Folder that receives the sweep folder <yyyyMMdd-HHmmss>-sweep-<name>. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--dry-run",
            description = "List the runs with their options and the estimated total time (start-up overhead"
                    + " measured by starting one server); run nothing, write nothing.")
    boolean dryRun;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Load.Factory loads;

    /**
     * @param stdout where listings and the closing lines go
     * @param stderr where progress goes
     * @param loads  makes each run's sessions ({@link LoadRun#sessions()} in production)
     */
    public SweepCommand(PrintStream stdout, PrintStream stderr, Load.Factory loads) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.loads = loads;
    }

    /** A command on the process's own streams and the real session engine. */
    public SweepCommand() {
        this(System.out, System.err, LoadRun.sessions());
    }

    @Override
    public Integer call() throws IOException {
        ScenarioFile scenario = ScenarioFile.read(scenarioFile, new OptionKeys(RunPlans.options()));
        SweepPlan plan = SweepPlan.of(scenario, out);
        if (dryRun) {
            RunPlan first = plan.plans().get(0);
            DryRun.describe(plan, StartupOverhead.measure(first.serverJava(), first.serverHeap()))
                    .forEach(stdout::println);
            stdout.flush();
            return ExitStatus.OK;
        }
        try (SignalExit signal = SignalExit.install(SweepRunner.SHUTDOWN_WAIT)) {
            return signal.finished(new SweepRunner(plan, loads, stdout, stderr).execute());
        }
    }
}
