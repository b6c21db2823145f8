package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.compare.Medians;
import org.tomcatpush.harness.client.compare.OutputFiles;
import org.tomcatpush.harness.client.compare.ToleranceFile;
import org.tomcatpush.harness.client.compare.ToleranceSet;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.SummaryCsv;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness compare medians}: reduces repeated runs to one row per configuration
 * ({@link Medians}: medians of metrics with an allowance, the worst repeat of metrics that are
 * exact by design) and writes them as a {@code summary.csv}: the file a baseline is refreshed with
 * and that the CI suite compares. Exit status 0, or 2 on bad input.
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
            Medians medians = Medians.of(inputs, set);
            Path file = out.toAbsolutePath();
            if (Files.isDirectory(file)) {
                throw new ResultsInputException("--out " + out + " is a folder: give the file to write, e.g. "
                        + out.resolve(SummaryCsv.FILE_NAME));
            }
            try {
                OutputFiles.write(file.getParent(), Map.of(file.getFileName().toString(), medians.csv()));
            } catch (IOException e) {
                throw new ResultsInputException("cannot write " + out + " (" + e + "): give a writable --out file");
            }
            medians.warnings().forEach(w -> err.println("harness: warning: " + w));
            err.flush();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("medians: " + medians.runs() + " runs of " + medians.rows().size() + " configurations -> "
                    + out);
            stdout.flush();
            return ExitStatus.OK;
        } catch (ResultsInputException e) {
            return CliErrors.badInput(err, e);
        }
    }
}
