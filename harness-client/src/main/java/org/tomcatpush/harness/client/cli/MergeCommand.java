package org.tomcatpush.harness.client.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.merge.RunMerge;
import org.tomcatpush.harness.client.results.ResultsInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code harness merge RUN_DIR... --out DIR}: one results folder from the folders of the agents of
 * one run ({@link RunMerge}). Exit status 0 when written, 2 on bad input (a missing or damaged
 * folder, folders of different scenarios or servers: one line naming the file or the setting,
 * nothing written), 1 when the merged folder cannot be written.
 */
@Command(name = "merge",
        description = {"Merges the run folders of the agents of one run (the same scenario against the same server,"
                + " each agent a slice of the sessions) into one ordinary results folder: client counts summed,"
                + " latency histograms added (percentiles of the union, never averaged), the server's figures"
                + " taken once, time series aligned on the clock, report.html written."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:merged folder written", "1:merged folder could not be written",
                "2:bad input (missing or damaged folder, folders of different runs)"})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "The run folder of each agent.")
    private List<Path> runDirs;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The merged run's folder, which must not exist yet; its name is the merged run's id.")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<String> commandLine = new ArrayList<>(List.of("merge"));
            commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
            Path merged = RunMerge.merge(runDirs, out, commandLine,
                    warning -> err.println("harness: merge: warning: " + warning));
            spec.commandLine().getOut().println("merge: wrote " + merged + " from " + runDirs.size() + " runs");
            return ExitStatus.OK;
        } catch (ResultsInputException e) {
            return CliErrors.badInput(err, e);
        } catch (IOException e) {
            err.println("harness: merge: cannot write " + out + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check that the folder is writable and the disk has space");
            return ExitStatus.FAILED;
        }
    }
}
