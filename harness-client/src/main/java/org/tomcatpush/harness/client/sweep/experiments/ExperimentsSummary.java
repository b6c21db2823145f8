package org.tomcatpush.harness.client.sweep.experiments;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;

import org.tomcatpush.harness.client.report.ReportFiles;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepColumns;
import org.tomcatpush.harness.client.report.sweep.SweepReport;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * The experiments summary that {@code harness experiments} writes: each experiment judged from
 * the {@code sweep.csv} of its sweep folder ({@link #judge}), or recorded as not run
 * ({@link #notRun}), then {@code experiments.md} and {@code experiments.html} written side by side
 * ({@link #write}). Stateless.
 */
public final class ExperimentsSummary {

    /** File names of the summary. */
    public static final String MARKDOWN = "experiments.md";
    public static final String HTML = "experiments.html";

    private ExperimentsSummary() {
    }

    /**
     * Judges {@code experiment} from the sweep in {@code sweepDir}, naming the sweep relative to
     * {@code summaryDir} (where the summary goes, so its links work from there).
     *
     * @throws ResultsInputException when the folder has no readable {@code sweep.csv}
     */
    public static ExperimentResult judge(Experiment experiment, Path sweepDir, Path summaryDir)
            throws ResultsInputException {
        return judge(experiment, List.of(sweepDir), summaryDir);
    }

    /**
     * As {@link #judge(Experiment, Path, Path)} for an experiment that several scenario files serve:
     * the evaluator reads the rows of every sweep in {@code sweepDirs} as one table, in order (the
     * swept keys of all of them), and the result names every folder.
     *
     * @throws ResultsInputException when a folder has no readable {@code sweep.csv}
     * @throws IllegalArgumentException when {@code sweepDirs} is empty
     */
    public static ExperimentResult judge(Experiment experiment, List<Path> sweepDirs, Path summaryDir)
            throws ResultsInputException {
        if (sweepDirs.isEmpty()) {
            throw new IllegalArgumentException("no sweep folder for " + experiment.id());
        }
        List<SweepTable> sweeps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        for (Path sweepDir : sweepDirs) {
            sweeps.add(SweepTable.read(sweepDir.resolve(SweepColumns.FILE_NAME)));
            names.add(summaryDir.toAbsolutePath().normalize().relativize(sweepDir.toAbsolutePath().normalize())
                    .toString());
            String text = settings(sweepDir);
            if (!text.isEmpty()) {
                settings.add(text);
            }
        }
        return new ExperimentResult(experiment.evaluate(concat(sweeps)), names, String.join("\n\n", settings));
    }

    /** The rows of {@code sweeps} as one table: the first one's file, every swept key once, the rows in order. */
    private static SweepTable concat(List<SweepTable> sweeps) {
        if (sweeps.size() == 1) {
            return sweeps.get(0);
        }
        Set<String> keys = new LinkedHashSet<>();
        List<SummaryRow> rows = new ArrayList<>();
        for (SweepTable sweep : sweeps) {
            keys.addAll(sweep.sweptKeys());
            rows.addAll(sweep.rows());
        }
        return new SweepTable(sweeps.get(0).file(), List.copyOf(keys), rows);
    }

    /** An experiment whose sweep did not run: inconclusive, with no sweep and no settings. */
    public static ExperimentResult notRun(Experiment experiment) {
        return notRun(experiment, "");
    }

    /**
     * As {@link #notRun(Experiment)}, stating {@code reason} (e.g. the sweep's exit status and last
     * error line) when it is not blank; the reason is the verdict's note and so its deciding figure.
     */
    public static ExperimentResult notRun(Experiment experiment, String reason) {
        String note = "the sweep did not run or left no folder" + (reason.isBlank() ? "" : ": " + reason.strip());
        Verdict verdict = new Verdict(experiment, new MeasuredTable(List.of(), List.of()), List.of(),
                List.of(note), Support.INCONCLUSIVE);
        return new ExperimentResult(verdict, "", "");
    }

    /**
     * {@code judged}, from the sweeps that ran, when another sweep of the same experiment did not:
     * a verdict that would be supported or partly judged is inconclusive (a missing run is never
     * read as a run that agreed), one that is not supported stays so (the contradiction was
     * measured); either way a note says which sweep is missing and {@code reason}.
     */
    public static ExperimentResult withSweepNotRun(ExperimentResult judged, String reason) {
        Verdict v = judged.verdict();
        List<String> notes = new ArrayList<>(v.notes());
        notes.add(0, "a sweep of this experiment did not run or left no folder" + (reason.isBlank() ? ""
                : ": " + reason.strip()));
        Support support = v.support() == Support.NOT_SUPPORTED ? Support.NOT_SUPPORTED : Support.INCONCLUSIVE;
        return new ExperimentResult(new Verdict(v.experiment(), v.measured(), v.criteria(), notes, support,
                v.unjudged()), judged.sweeps(), judged.settings());
    }

    /**
     * Writes {@link #MARKDOWN} and {@link #HTML} into {@code summaryDir}, creating it if needed;
     * each file is replaced whole or not at all.
     */
    public static void write(Path summaryDir, SummaryContext context, List<ExperimentResult> results)
            throws IOException {
        Files.createDirectories(summaryDir);
        ReportFiles.writeAtomically(summaryDir.resolve(MARKDOWN), ExperimentsMarkdown.render(context, results));
        ReportFiles.writeAtomically(summaryDir.resolve(HTML), ExperimentsPage.build(context, results).render());
    }

    /**
     * The machine as the summary states it: cores, OS, Java and the load average now, then
     * {@code note} (e.g. "shared, noisy") when it is not blank.
     */
    public static String machine(String note) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version")
                + (load >= 0 ? String.format(Locale.ROOT, ", load average %.1f when the summary was written", load) : "")
                + (note.isBlank() ? "" : "; " + note);
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
}
