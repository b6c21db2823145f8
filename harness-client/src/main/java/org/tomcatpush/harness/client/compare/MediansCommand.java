package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.cli.HarnessVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness compare medians}: reduces repeated runs to one row per configuration, as
 * {@link RepeatReducer} does before comparing (medians of metrics with an allowance, the worst
 * repeat of metrics that are exact by design), and writes them as a {@code summary.csv}: the file
 * a baseline is refreshed with and that the CI suite compares. Exit status 0, or 2 on bad input.
 */
@Command(name = "medians", mixinStandardHelpOptions = true, versionProvider = HarnessVersion.class,
        sortOptions = false, usageHelpWidth = 110,
        customSynopsis = "harness compare medians --out FILE [--tolerances FILE] INPUT...",
        description = {"Reduces repeated runs (same configuration) to one summary.csv row each: medians of the"
                + " figures, the worst repeat of the figures that are exact by design. INPUT is anything"
                + " harness compare reads."})
public final class MediansCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Run folders, folders of run folders, summary"
            + " or sweep files.")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The summary.csv to write.")
    Path out;

    @Option(names = "--tolerances", paramLabel = "FILE",
            description = "Tolerance file that says which metrics are exact by design. Default: the shipped defaults.")
    Path tolerances;

    public MediansCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ToleranceSet set = tolerances == null ? ToleranceFile.defaults() : ToleranceFile.withOverrides(tolerances);
            Set<String> columns = new LinkedHashSet<>();
            List<RunRow> rows = new ArrayList<>();
            for (Path input : inputs) {
                RunTable table = DerivedMetrics.addTo(RunTableReader.read("input", input));
                columns.addAll(table.columns());
                rows.addAll(table.rows());
            }
            List<String> keyColumns = set.configColumnsIn(columns);
            List<String> warnings = new ArrayList<>();
            List<RunRow> reduced = new ArrayList<>();
            for (RunRow row : RepeatReducer.reduce(rows, keyColumns, set, warnings::add)) {
                reduced.add(row.has(RepeatReducer.REPEATS) ? row : row.with(RepeatReducer.REPEATS, "1"));
            }
            Path file = out.toAbsolutePath();
            if (Files.isDirectory(file)) {
                throw new CompareInputException("--out " + out + " is a folder: give the file to write, e.g. "
                        + out.resolve(RunTableReader.SUMMARY));
            }
            try {
                OutputFiles.write(file.getParent(), Map.of(file.getFileName().toString(),
                        MediansCsv.render(List.copyOf(columns), reduced)));
            } catch (IOException e) {
                throw new CompareInputException("cannot write " + out + " (" + e + "): give a writable --out file");
            }
            warnings.forEach(w -> err.println("harness: warning: " + w));
            err.flush();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("medians: " + rows.size() + " runs of " + reduced.size() + " configurations -> " + out);
            stdout.flush();
            return ExitStatus.OK;
        } catch (CompareInputException e) {
            return CompareCommand.badInput(err, e.getMessage());
        }
    }
}
