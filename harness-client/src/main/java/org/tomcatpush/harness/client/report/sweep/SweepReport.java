package org.tomcatpush.harness.client.report.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tomcatpush.harness.client.report.ReportFiles;
import org.tomcatpush.harness.client.report.RunReport;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Writes {@code report.html} into a sweep folder from its {@code sweep.csv} (and shows the
 * folder's copy of the scenario file, {@code scenario.yaml}, when present): load, render, then
 * replace the file atomically. Stateless; safe from any thread.
 *
 * <pre>
 * Path html = SweepReport.write(sweepDir);
 * </pre>
 */
public final class SweepReport {

    /** The scenario file's copy inside a sweep folder. */
    public static final String SCENARIO_FILE = "scenario.yaml";

    private SweepReport() {
    }

    /**
     * (Re)generates {@code sweepDir/report.html}.
     *
     * @return the report's path
     * @throws ResultsInputException when sweep.csv is missing or corrupt (one line naming it and the fix)
     * @throws IOException          when the report cannot be written
     */
    public static Path write(Path sweepDir) throws ResultsInputException, IOException {
        SweepTable sweep = SweepTable.read(sweepDir.resolve(SweepColumns.FILE_NAME));
        Path scenario = sweepDir.resolve(SCENARIO_FILE);
        Optional<String> scenarioText = Files.isRegularFile(scenario)
                ? Optional.of(Files.readString(scenario, StandardCharsets.UTF_8)) : Optional.empty();
        String title = sweepDir.toAbsolutePath().normalize().getFileName().toString()
                .replaceFirst("^\\.(.*)\\.partial$", "$1");
        String html = SweepPage.build(title, sweep, scenarioText).render();
        Path target = sweepDir.resolve(RunReport.FILE_NAME);
        ReportFiles.writeAtomically(target, html);
        return target;
    }
}
