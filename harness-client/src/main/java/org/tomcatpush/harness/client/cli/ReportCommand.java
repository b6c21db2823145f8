package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.report.RunReport;
import org.tomcatpush.harness.client.results.ResultsInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness report RUN_DIR}: regenerates {@code report.html} in a run folder from its
 * result files. Exit status 0 when written, 2 when an input file is missing or damaged (one line
 * {@code harness: ...} on stderr naming the file and the fix, nothing written), 1 when the report cannot be written.
 */
@Command(name = "report",
        description = {"Writes report.html into a run folder from its summary.csv, timeseries.csv, latency.hlog "
                + "and run.json: a self-contained page (opens offline) with findings, latency percentiles, "
                + "threads/connections/sessions over time, closes and reconnects by cause, lost messages."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:report written", "1:report could not be written", "2:bad input (missing or corrupt file)"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(index = "0", paramLabel = "RUN_DIR",
            description = "A run folder written by 'harness run', e.g. results/runs/20260101-120000-sse.")
    private Path runDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path report = RunReport.write(runDir);
            spec.commandLine().getOut().println("report: wrote " + report);
            return ExitStatus.OK;
        } catch (ResultsInputException e) {
            return CliErrors.badInput(err, e);
        } catch (IOException e) {
            err.println("report: cannot write " + runDir.resolve(RunReport.FILE_NAME) + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "); check that the folder is writable and the disk has space");
            return ExitStatus.FAILED;
        }
    }
}
