package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tomcatpush.harness.client.report.FixtureRuns;

/**
 * A sweep's scenario file and a compare's tolerance file go through the one YAML reader: the same
 * fault written in either gets the same one line after the file's name, with exit status 2.
 */
@Timeout(60)
class YamlFaultWordingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "key written twice|metrics:\\n  errors: +0\\n  errors: +1\\n|'errors' is written twice at line 3: keep one",
        "tab for indentation|metrics:\\n\\terrors: +0\\n|not valid YAML at line 2, column 1 (",
        "unclosed list|metrics: [errors\\n|not valid YAML at line 2, column 1 ("})
    void sameFaultInScenarioAndToleranceFileGetsTheSameWording(String fault, String yaml, String expected)
            throws Exception {
        String text = yaml.replace("\\n", "\n").replace("\\t", "\t");
        Path scenario = Files.writeString(dir.resolve("scenario.yaml"), text);
        Path tolerances = Files.writeString(dir.resolve("tolerances.yaml"), text);

        CliRun sweep = CliRun.of(List.of("sweep", "--dry-run", "--out", dir.resolve("runs").toString(),
                scenario.toString()));
        CliRun compare = CliRun.of(List.of("compare", "--baseline", summary().toString(), "--current",
                summary().toString(), "--out", dir.resolve("compared").toString(), "--tolerances",
                tolerances.toString()));

        assertEquals(2, sweep.exit(), sweep.err());
        assertEquals(2, compare.exit(), compare.err());
        assertEquals(1, sweep.errLines().size(), sweep.err());
        assertEquals(1, compare.errLines().size(), compare.err());
        String sweepPrefix = "harness: " + scenario + ": ";
        String comparePrefix = "harness: tolerance file " + tolerances + ": ";
        String sweepWording = sweep.errLines().get(0);
        String compareWording = compare.errLines().get(0);
        assertTrue(sweepWording.startsWith(sweepPrefix), sweepWording);
        assertTrue(compareWording.startsWith(comparePrefix), compareWording);
        assertEquals(sweepWording.substring(sweepPrefix.length()), compareWording.substring(comparePrefix.length()));
        assertTrue(sweepWording.substring(sweepPrefix.length()).startsWith(expected), fault + ": " + sweepWording);
        assertEquals(List.of(), List.of(dir.toFile().list()).stream()
                .filter(name -> !name.endsWith(".yaml") && !name.equals("fixture")).toList(), "nothing written");
    }

    /** The summary.csv of the mixed fixture run, both baseline and current. */
    private Path summary() throws Exception {
        Path run = dir.resolve("fixture");
        if (!Files.exists(run)) {
            FixtureRuns.create(FixtureRuns.MIXED, run);
        }
        return run.resolve("summary.csv");
    }
}
