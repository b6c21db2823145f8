package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.sweep.experiments.Experiment;
import org.tomcatpush.harness.client.sweep.experiments.ExperimentResult;
import org.tomcatpush.harness.client.sweep.experiments.Experiments;
import org.tomcatpush.harness.client.sweep.experiments.ExperimentsSummary;
import org.tomcatpush.harness.client.sweep.experiments.SummaryContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness experiments}: judges experiments from their sweep folders and writes one
 * summary, {@code experiments.md} and {@code experiments.html} ({@link ExperimentsSummary}),
 * stating per experiment the claim, the key figures read from its {@code sweep.csv}, each
 * criterion and whether the measurement supports the claim. {@code scripts/experiments.sh} runs it
 * after the sweeps:
 *
 * <pre>
 * harness experiments --out results/experiments/X E1=results/experiments/X/...-sweep-e1-keepalive-limit
 * </pre>
 *
 * Exit status 0 when the summary was written (whatever the verdicts), 2 on bad input, 1 when it
 * could not be written.
 */
@Command(name = "experiments", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        sortOptions = false,
        description = "Judges experiments (the ids of docs/EXPERIMENTS.md) from their sweep folders and writes"
                + " experiments.md and experiments.html into --out.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:summary written (whatever the verdicts)", "1:the summary could not be written",
            "2:bad input"})
public final class ExperimentsCommand implements Callable<Integer> {

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

    @Option(names = "--not-run-reason", paramLabel = "ID=TEXT",
            description = "Why the sweep of an experiment given as ID= did not run (e.g. its exit status and last"
                    + " error line), stated in the summary. Repeatable.")
    Map<String, String> notRunReasons = new LinkedHashMap<>();

    @Option(names = "--sweeps-wall-s", paramLabel = "SECONDS",
            description = "How long the sweeps took (wall time), stated in the summary; scripts/experiments.sh"
                    + " passes it.")
    Long sweepsWallS;

    @Parameters(paramLabel = "ID=SWEEP_DIR", arity = "1..*",
            description = "An experiment and its sweep folder, e.g. E1=results/runs/20260101-120000-sweep-e1;"
                    + " an empty SWEEP_DIR (E1=) records that its sweep did not run.")
    List<String> pairs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<ExperimentResult> results = new ArrayList<>();
        for (String id : notRunReasons.keySet()) {
            if (pairs.stream().noneMatch(p -> p.equalsIgnoreCase(id + "="))) {
                err.println("experiments: --not-run-reason " + id + " names no experiment given as " + id
                        + "= (a sweep that did not run)");
                return ExitStatus.BAD_INPUT;
            }
        }
        // An experiment given more than once (several scenario files serve it) is judged once, from all its sweeps;
        // the summary lists them in id order (E2 before E10), whatever order the scenario files ran in.
        Map<Experiment, List<String>> dirs = new TreeMap<>(Comparator.comparingInt(Experiments.all()::indexOf));
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
            dirs.computeIfAbsent(experiment, e -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        for (Map.Entry<Experiment, List<String>> e : dirs.entrySet()) {
            List<Path> ran = e.getValue().stream().filter(d -> !d.isBlank()).map(Path::of).toList();
            try {
                if (ran.isEmpty()) {
                    results.add(ExperimentsSummary.notRun(e.getKey(), reason(e.getKey())));
                } else {
                    ExperimentResult judged = ExperimentsSummary.judge(e.getKey(), ran, out);
                    results.add(ran.size() < e.getValue().size()
                            ? ExperimentsSummary.withSweepNotRun(judged, reason(e.getKey())) : judged);
                }
            } catch (ResultsInputException ex) {
                return CliErrors.badInput(err, ex);
            }
        }
        if (sweepsWallS != null && sweepsWallS < 0) {
            err.println("experiments: --sweeps-wall-s must be 0 or more seconds, not " + sweepsWallS);
            return ExitStatus.BAD_INPUT;
        }
        SummaryContext context = new SummaryContext(command, Instant.now(), ExperimentsSummary.machine(machineNote),
                Optional.ofNullable(sweepsWallS).map(Duration::ofSeconds));
        try {
            ExperimentsSummary.write(out, context, results);
        } catch (IOException e) {
            err.println("experiments: cannot write the summary into " + out + " (" + e.getMessage() + ")");
            return ExitStatus.FAILED;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        results.forEach(r -> stdout.println(r.verdict().experiment().id() + " " + r.verdict().support().label()
                + ": " + r.verdict().experiment().title()));
        stdout.println("summary: " + out.resolve(ExperimentsSummary.MARKDOWN) + " and "
                + out.resolve(ExperimentsSummary.HTML));
        stdout.flush();
        return ExitStatus.OK;
    }

    /** The reason given for {@code experiment} with --not-run-reason, matched as ids are (case-insensitive). */
    private String reason(Experiment experiment) {
        return notRunReasons.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(experiment.id()))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }
}
