package org.tomcatpush.harness.client.report;

import java.io.IOException;
import java.nio.file.Path;

import org.tomcatpush.harness.client.report.findings.Findings;
import org.tomcatpush.harness.client.report.load.RunLoader;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.run.RunPage;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Writes {@code report.html} into a run folder from the folder's result files: load, judge,
 * render, then replace the file atomically. The page is rendered completely before anything is
 * written, so bad input never leaves a half-written report. Stateless; safe to call from any
 * thread, e.g. by {@code harness run} right after it wrote the results.
 *
 * <pre>
 * Path html = RunReport.write(runDir);
 * </pre>
 */
public final class RunReport {

    /** File name of the report inside a run folder. */
    public static final String FILE_NAME = "report.html";

    private RunReport() {
    }

    /**
     * (Re)generates {@code runDir/report.html}.
     *
     * @return the report's path
     * @throws ResultsInputException when a result file is missing or corrupt (message: one line,
     *                              naming the file and the fix)
     * @throws IOException          when the report cannot be written
     */
    public static Path write(Path runDir) throws ResultsInputException, IOException {
        String html = render(RunLoader.load(runDir));
        Path target = runDir.resolve(FILE_NAME);
        ReportFiles.writeAtomically(target, html);
        return target;
    }

    /** The report page of an already loaded run. */
    public static String render(RunData run) {
        return RunPage.build(run, Findings.evaluate(run)).render();
    }
}
