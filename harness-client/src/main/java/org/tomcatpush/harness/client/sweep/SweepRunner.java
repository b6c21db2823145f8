package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.StopHook;
import org.tomcatpush.harness.client.cli.HarnessVersion;
import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.client.report.ReportFiles;
import org.tomcatpush.harness.client.report.sweep.SweepColumns;
import org.tomcatpush.harness.client.report.sweep.SweepReport;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.run.AgentsRun;
import org.tomcatpush.harness.client.run.Load;
import org.tomcatpush.harness.client.run.LoadRun;
import org.tomcatpush.harness.client.run.RunPlan;

/**
 * Runs a validated {@link SweepPlan}: each combination through {@link LoadRun} (or, with
 * {@code agents: N}, {@link AgentsRun}), exactly as {@code harness run} runs it, on a fresh server, into one sweep folder
 * {@code <out>/<yyyyMMdd-HHmmss>-sweep-<name>/}. The folder is written as a hidden
 * {@code .partial} folder and renamed when the sweep ends, like a run's; it holds every run's
 * folder, a copy of the scenario file, {@code sweep.csv} (rewritten after every run) and
 * {@code report.html}; its last lines on stdout are a table of the runs ({@link SweepRunsTable}),
 * how many completed and where the folder is. A run that fails before its load starts (its server did not come up or
 * did not answer, typically a machine too busy for the time limits) is tried once more on a fresh
 * server; a run that fails is recorded with its cause and the sweep goes on; Ctrl-C
 * stops the current run, records the rest as not run, and still writes the sweep's files. One
 * instance runs once, on the calling thread.
 */
public final class SweepRunner {

    /** The copy of the scenario file inside the sweep folder. */
    public static final String SCENARIO_COPY = SweepReport.SCENARIO_FILE;

    /** Exit statuses of {@link #execute()}. */
    public static final int EXIT_SOME_FAILED = ExitStatus.FAILED;

    /** How long a signal's shutdown waits for the current run and the sweep's files. */
    public static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private final SweepPlan plan;
    private final Load.Factory loads;
    private final PrintStream out;
    private final PrintStream err;
    private volatile boolean stopRequested;

    /**
     * @param loads makes each run's sessions ({@link LoadRun#sessions()} in production)
     * @param out   where the sweep's closing lines go (stdout)
     * @param err   where progress goes (stderr), the runs' own progress lines included
     */
    public SweepRunner(SweepPlan plan, Load.Factory loads, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.loads = loads;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the sweep. @return {@link ExitStatus#INTERRUPTED} when a signal stopped it, else
     * {@link #EXIT_SOME_FAILED} when a run did not complete (the folder says which and why), else
     * {@link ExitStatus#THRESHOLDS_BREACHED} when a run breached a threshold, else {@link ExitStatus#OK}
     *
     * @throws IOException when the sweep folder cannot be created or written
     */
    public int execute() throws IOException {
        try (StopHook stop = StopHook.install("harness-sweep-stopper", () -> stopRequested = true, SHUTDOWN_WAIT)) {
            return run();
        }
    }

    private int run() throws IOException {
        ResultsFolder folder = ResultsFolder.begin(plan.outDir(), "sweep-" + plan.scenario().name());
        Path dir = folder.file(SCENARIO_COPY).getParent();
        Files.copy(plan.scenario().source(), folder.file(SCENARIO_COPY));
        List<String> sweptKeys = plan.scenario().axes().stream().map(Axis::key).toList();
        SweepProgress progress = new SweepProgress(plan.plans().stream().map(RunPlan::duration).toList(),
                StartupOverhead.FALLBACK);
        err.println("sweep " + plan.scenario().name() + ": " + plan.combinations().size() + " runs into " + dir);
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < plan.combinations().size(); i++) {
            Combination c = plan.combinations().get(i);
            if (stopRequested) {
                records.add(RunRecord.notRun(c));
                continue;
            }
            Optional<String> cannotRun = plan.notRunReason(i);
            if (cannotRun.isPresent()) {
                err.println(c.position() + " " + c.label() + ": not run: " + cannotRun.get());
                records.add(RunRecord.notRun(c, cannotRun.get()));
                ReportFiles.writeAtomically(folder.file(SweepColumns.FILE_NAME), SweepCsv.format(sweptKeys, records));
                continue;
            }
            err.println(progress.starting(c));
            RunRecord record = runOne(i, dir);
            if (record.failedBeforeLoad() && !stopRequested) {
                err.println(c.position() + " the run failed before its load started (" + record.failure()
                        + "): trying once more on a fresh server");
                record = runOne(i, dir).afterRetry(record.wall());
            }
            records.add(record);
            err.println(progress.finished(c, record.wall(), record.status(), record.failure()));
            ReportFiles.writeAtomically(folder.file(SweepColumns.FILE_NAME), SweepCsv.format(sweptKeys, records));
        }
        ReportFiles.writeAtomically(folder.file(SweepColumns.FILE_NAME), SweepCsv.format(sweptKeys, records));
        try {
            SweepReport.write(dir);
        } catch (IOException | RuntimeException e) {
            err.println("harness: the sweep report could not be written (" + e.getMessage() + "); sweep.csv holds"
                    + " every figure");
        }
        Path committed = folder.commit();
        long completed = records.stream().filter(RunRecord::completed).count();
        long breached = records.stream().filter(RunRecord::thresholdsBreached).count();
        SweepRunsTable.lines(sweptKeys, records).forEach(out::println);
        out.println("sweep " + plan.scenario().name() + ": " + (completed + breached) + " of " + records.size()
                + " runs completed" + (breached > 0 ? ", " + breached + " of them with a threshold breached" : "")
                + (completed + breached < records.size() ? " (see the status and failure columns)" : ""));
        out.println("results: " + committed);
        out.flush();
        if (stopRequested) {
            return ExitStatus.INTERRUPTED;
        }
        if (completed + breached < records.size()) {
            return EXIT_SOME_FAILED;
        }
        return breached > 0 ? ExitStatus.THRESHOLDS_BREACHED : ExitStatus.OK;
    }

    /** Runs combination {@code i} into {@code runsDir} and reads back what it left. */
    private RunRecord runOne(int i, Path runsDir) {
        Combination c = plan.combinations().get(i);
        long startNanos = System.nanoTime();
        FailureCapture capture = new FailureCapture(err);
        String thrown = null;
        try {
            RunPlans.PlannedRun run = plan.runInto(i, runsDir);
            if (run.split()) {
                // agents: N: the run's own client processes, merged into a folder read like any other
                new AgentsRun(run.plan(), run.agents(), run.agentCommand(), DISCARD, capture).execute();
            } else {
                new LoadRun(run.plan(), loads, HarnessVersion.version(), DISCARD, capture).execute();
            }
        } catch (RuntimeException e) {
            thrown = "the run could not be carried out: " + e;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        try {
            Optional<Path> runDir = RunFolderReader.find(runsDir, c.runName());
            if (runDir.isEmpty()) {
                String cause = thrown != null ? thrown : capture.lastError()
                        .orElse("the run left no results folder");
                return new RunRecord(c, SweepColumns.STATUS_FAILED, cause, "", wall, List.of(), 1, true);
            }
            return RunFolderReader.record(c, runDir.get(), thrown, wall);
        } catch (IOException e) {
            return new RunRecord(c, SweepColumns.STATUS_FAILED, "its results could not be read: " + e.getMessage(), "",
                    wall, List.of(), 1, true);
        }
    }

    /**
     * The stream a run reports on: passes everything on to the sweep's stderr and remembers the
     * last {@code harness: } line, the cause of a run that left no folder.
     */
    private static final class FailureCapture extends PrintStream {
        private volatile String lastError;

        FailureCapture(PrintStream target) {
            super(target, true, StandardCharsets.UTF_8);
        }

        @Override
        public void println(String line) {
            if (line != null && line.startsWith("harness: ")) {
                lastError = line.substring("harness: ".length());
            }
            super.println(line);
        }

        Optional<String> lastError() {
            return Optional.ofNullable(lastError);
        }
    }
}
