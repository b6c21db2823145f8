package org.tomcatpush.harness.client.sweep.experiments;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.tomcatpush.harness.client.report.ReportFiles;
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
        SweepTable sweep = SweepTable.read(sweepDir.resolve(SweepColumns.FILE_NAME));
        Path relative = summaryDir.toAbsolutePath().normalize().relativize(sweepDir.toAbsolutePath().normalize());
        return new ExperimentResult(experiment.evaluate(sweep), relative.toString(), settings(sweepDir));
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
