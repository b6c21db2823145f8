package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.jmh.JmhCsv;
import org.tomcatpush.harness.client.jmh.JmhJsonReader;
import org.tomcatpush.harness.client.jmh.JmhPage;
import org.tomcatpush.harness.client.jmh.JmhResult;
import org.tomcatpush.harness.client.report.ReportFiles;
import org.tomcatpush.harness.client.results.ResultsInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness jmh RESULT.json}: turns a JMH JSON result file ({@code -rf json}, as
 * {@code scripts/jmh.sh} writes to {@code results/jmh/}) into {@code RESULT.csv} (one row per
 * benchmark and {@code @Param} combination, see {@link JmhCsv}) and {@code RESULT.html} (tables and
 * charts with error bars, see {@link JmhPage}) beside it, or into {@code --out}. Exit status 0 when
 * both are written, 2 for bad input (one line on stderr naming the file and the fix), 1 when they
 * cannot be written.
 */
@Command(name = "jmh",
        description = {"Writes CSV and a self-contained HTML page (scores and 99.9%% error bars per @Param "
                + "combination) from a JMH JSON result file."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:CSV and HTML written", "1:could not be written", "2:bad input (missing or corrupt file)"})
public final class JmhReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "RESULT.json",
            description = "A JMH JSON result file, e.g. results/jmh/20260101-120000.json.")
    private Path json;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for the CSV and HTML files. Default: the folder of RESULT.json.")
    private Path outDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<JmhResult> results;
        try {
            results = JmhJsonReader.read(json);
        } catch (ResultsInputException e) {
            return CliErrors.badInput(err, e);
        }
        Path dir = outDir != null ? outDir : json.toAbsolutePath().getParent();
        String base = baseName(json);
        Path csv = dir.resolve(base + ".csv");
        Path html = dir.resolve(base + ".html");
        try {
            Files.createDirectories(dir);
            ReportFiles.writeAtomically(csv, JmhCsv.render(results));
            ReportFiles.writeAtomically(html, JmhPage.build(json.getFileName().toString(), results).render());
        } catch (IOException e) {
            err.println("jmh: cannot write into " + dir + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check that the folder is writable and the disk has space, or choose another with --out");
            return ExitStatus.FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("jmh: " + results.size() + " results; wrote " + csv + " and " + html);
        out.flush();
        return ExitStatus.OK;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }
}
