package org.tomcatpush.harness.client.sweep.experiments;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.report.ReportFiles;
import org.tomcatpush.harness.client.report.load.ReportInputException;
import org.tomcatpush.harness.client.report.sweep.SweepReport;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.report.sweep.SweepColumns;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Judges experiments from their sweep folders and writes one summary, {@code experiments.md} and
 * {@code experiments.html}, stating per experiment the claim, the key figures read from its
 * {@code sweep.csv}, each criterion and whether the measurement supports the claim.
 * {@code scripts/experiments.sh} runs it after the sweeps:
 *
 * <pre>
 * java -cp harness-client.jar org.tomcatpush.harness.client.sweep.experiments.ExperimentsCommand \
 *     --out results/experiments/X E1=results/experiments/X/sweeps/...-sweep-e1-keepalive-limit
 * </pre>
 *
 * Exit status 0 when the summary was written (whatever the verdicts), 2 on bad input, 1 when it
 * could not be written.
 */
@Command(name = "experiments", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Judges experiments (E1, E2, E3, E4, E7, E8) from their sweep folders and writes"
                + " experiments.md and experiments.html into --out.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:summary written (whatever the verdicts)", "1:the summary could not be written",
            "2:bad input"})
public final class ExperimentsCommand implements Callable<Integer> {

    /** File names of the summary. */
    public static final String MARKDOWN = "experiments.md";
    public static final String HTML = "experiments.html";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder that receives experiments.md and experiments.html (created if missing).")
    Path out;

    @Option(names = "--command", paramLabel = "TEXT", defaultValue = "harness experiments",
            description = "The command that ran the experiments, stated in the summary. Default: ${DEFAULT-VALUE}.")
    String command;

    @Option(names = "--machine-note", paramLabel = "TEXT", defaultValue = "",
            description = "Said about the machine after its cores, OS and Java, e.g. 'shared, noisy'.")
    String machineNote;

    @Parameters(paramLabel = "ID=SWEEP_DIR", arity = "1..*",
            description = "An experiment and its sweep folder, e.g. E1=results/runs/20260101-120000-sweep-e1;"
                    + " an empty SWEEP_DIR (E1=) records that its sweep did not run.")
    List<String> pairs;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-line errors and exit status 2 for bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ExperimentsCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("experiments: " + ex.getMessage() + " (see --help)");
            return ExitStatus.BAD_INPUT;
        });
        return cl;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<ExperimentResult> results = new ArrayList<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                err.println("experiments: '" + pair + "' is not ID=SWEEP_DIR: write e.g. E1=results/runs/<sweep>");
                return ExitStatus.BAD_INPUT;
            }
            String id = pair.substring(0, eq);
            Experiment experiment = Experiments.byId(id).orElse(null);
            if (experiment == null) {
                err.println("experiments: unknown experiment '" + id + "': use one of "
                        + Experiments.all().stream().map(Experiment::id).collect(Collectors.joining(", ")));
                return ExitStatus.BAD_INPUT;
            }
            String dir = pair.substring(eq + 1);
            try {
                results.add(dir.isBlank() ? notRun(experiment) : evaluate(experiment, Path.of(dir)));
            } catch (ReportInputException e) {
                err.println("experiments: " + e.getMessage());
                return ExitStatus.BAD_INPUT;
            }
        }
        SummaryContext context = new SummaryContext(command, Instant.now(), machine());
        try {
            Files.createDirectories(out);
            ReportFiles.writeAtomically(out.resolve(MARKDOWN), ExperimentsMarkdown.render(context, results));
            ReportFiles.writeAtomically(out.resolve(HTML), ExperimentsPage.build(context, results).render());
        } catch (IOException e) {
            err.println("experiments: cannot write the summary into " + out + " (" + e.getMessage() + ")");
            return ExitStatus.FAILED;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        results.forEach(r -> stdout.println(r.verdict().experiment().id() + " " + r.verdict().support().label()
                + ": " + r.verdict().experiment().title()));
        stdout.println("summary: " + out.resolve(MARKDOWN) + " and " + out.resolve(HTML));
        stdout.flush();
        return ExitStatus.OK;
    }

    private ExperimentResult evaluate(Experiment experiment, Path sweepDir) throws ReportInputException {
        SweepTable sweep = SweepTable.read(sweepDir.resolve(SweepColumns.FILE_NAME));
        Path relative = out.toAbsolutePath().normalize().relativize(sweepDir.toAbsolutePath().normalize());
        return new ExperimentResult(experiment.evaluate(sweep), relative.toString(), settings(sweepDir));
    }

    private static ExperimentResult notRun(Experiment experiment) {
        Verdict verdict = new Verdict(experiment, new MeasuredTable(List.of(), List.of()), List.of(),
                List.of("the sweep did not run or left no folder"), Support.INCONCLUSIVE);
        return new ExperimentResult(verdict, "", "");
    }

    /** The scenario file the sweep ran, without its comment lines. */
    private static String settings(Path sweepDir) {
        Path scenario = sweepDir.resolve(SweepReport.SCENARIO_FILE);
        if (!Files.isRegularFile(scenario)) {
            return "";
        }
        try {
            return Files.readAllLines(scenario, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.stripLeading().startsWith("#")).filter(l -> !l.isBlank())
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "";
        }
    }

    private String machine() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version")
                + (load >= 0 ? String.format(Locale.ROOT, ", load average %.1f when the summary was written", load) : "")
                + (machineNote.isBlank() ? "" : "; " + machineNote);
    }
}
