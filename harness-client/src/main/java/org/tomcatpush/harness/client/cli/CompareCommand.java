package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.compare.CompareResult;
import org.tomcatpush.harness.client.compare.ConsoleReport;
import org.tomcatpush.harness.client.compare.JUnitReport;
import org.tomcatpush.harness.client.compare.MarkdownReport;
import org.tomcatpush.harness.client.compare.OutputFiles;
import org.tomcatpush.harness.client.compare.RunComparer;
import org.tomcatpush.harness.client.compare.RunTable;
import org.tomcatpush.harness.client.compare.ToleranceFile;
import org.tomcatpush.harness.client.compare.ToleranceSet;
import org.tomcatpush.harness.client.results.ResultsInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harness compare}: the CI regression gate. Reads a baseline and a current input, matches
 * runs by configuration, compares every metric under its tolerance, prints the table, writes
 * {@code compare.md} and {@code compare-junit.xml} into {@code --out}, and exits 0 (no regression),
 * 1 (regression) or 2 (bad input: one line {@code harness: ...} on stderr, nothing written).
 * {@code harness compare medians} ({@link MediansCommand}) reduces repeated runs to one row each.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        sortOptions = false, usageHelpWidth = 110,
        subcommands = MediansCommand.class,
        customSynopsis = {"harness compare --baseline FILE --current FILE [--tolerances FILE] [--out DIR]"
                + " [--allow-missing]", "harness compare medians --out FILE INPUT..."},
        description = {
            "Compares the runs of a current results file with a baseline, metric by metric, for CI.",
            "FILE is a summary.csv, a sweep.csv (or summaries joined with cat), a run folder, a sweep folder or a"
                    + " folder of run folders. Runs are matched by configuration (transport, handler, sessions,"
                    + " connector settings, ...; never by run id or timing); repeats of one configuration are"
                    + " reduced to their medians first. Unmatched runs are listed.",
            "Tolerances (see the shipped default-tolerances.yaml): +25%% (may rise 25 %%), -25%% (may fall),"
                    + " ±2 (may move 2), +20ms, +50%% or +20ms, +0, exact, ignore."},
        optionListHeading = "%nOptions:%n", commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no regression", "1:a regression, a failed run, or a baseline run missing from the"
                + " current input", "2:bad input (nothing written)"})
public final class CompareCommand implements Callable<Integer> {

    /** A regression (as {@link ExitStatus#FAILED}: the check did not pass). */
    public static final int EXIT_REGRESSION = ExitStatus.FAILED;

    @Spec
    CommandSpec spec;

    @Option(names = "--baseline", paramLabel = "FILE", description = "The reference results (e.g. the committed"
            + " results/baseline/summary.csv).")
    Path baseline;

    @Option(names = "--current", paramLabel = "FILE", description = "The results to check.")
    Path current;

    @Option(names = "--tolerances", paramLabel = "FILE",
            description = "A YAML file that overrides the default tolerances (same format). Default: the shipped"
                    + " defaults only.")
    Path tolerances;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for compare.md and compare-junit.xml. Default: the folder of --current.")
    Path out;

    @Option(names = "--allow-missing",
            description = "List baseline runs that the current input lacks without failing. Default: they fail.")
    boolean allowMissing;

    public CompareCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return compare(spec.commandLine().getOut());
        } catch (ResultsInputException e) {
            return CliErrors.badInput(err, e);
        }
    }

    private int compare(PrintWriter out) {
        if (baseline == null || current == null) {
            throw new ResultsInputException((baseline == null ? "--baseline" : "--current") + " is missing: write"
                    + " harness compare --baseline FILE --current FILE (see 'harness compare --help')");
        }
        ToleranceSet set = tolerances == null ? ToleranceFile.defaults() : ToleranceFile.withOverrides(tolerances);
        RunTable base = RunTable.read(baseline);
        RunTable cur = RunTable.read(current);
        CompareResult result = RunComparer.compare(base, cur, set, allowMissing);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(MarkdownReport.FILE_NAME, MarkdownReport.render(result));
        files.put(JUnitReport.FILE_NAME, JUnitReport.render(result));
        Path folder = outFolder();
        try {
            OutputFiles.write(folder, files);
        } catch (IOException e) {
            throw new ResultsInputException("cannot write " + folder + " (" + e + "): give a writable --out folder");
        }
        ConsoleReport.print(result, out);
        out.println(ConsoleReport.verdictLine(result));
        out.println("wrote " + folder.resolve(MarkdownReport.FILE_NAME) + " and " + folder.resolve(JUnitReport.FILE_NAME));
        out.flush();
        return result.regressed() ? EXIT_REGRESSION : ExitStatus.OK;
    }

    private Path outFolder() {
        if (out != null) {
            return out;
        }
        Path folder = Files.isDirectory(current) ? current : current.toAbsolutePath().getParent();
        return folder == null ? Path.of(".") : folder;
    }
}
