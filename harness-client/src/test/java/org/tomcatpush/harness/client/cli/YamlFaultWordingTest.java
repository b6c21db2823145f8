package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
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
        List<String> wordings = wordings(yaml.replace("\\n", "\n").replace("\\t", "\t"));

        assertEquals(wordings.get(0), wordings.get(1));
        assertTrue(wordings.get(0).startsWith(expected), fault + ": " + wordings.get(0));
    }

    @Test
    void anEmptyScenarioOrToleranceFileIsSaidEmptyAlikeWithWhatToWriteInIt() throws Exception {
        List<String> wordings = wordings("# nothing yet\n");

        assertEquals("the file is empty: write a name, a fixed: map and a sweep: map (see docs/SWEEP.md)",
                wordings.get(0));
        assertEquals("the file is empty: give at least one of config:, metrics:, rules: (see the shipped"
                + " default-tolerances.yaml)", wordings.get(1));
    }

    /**
     * The one line of {@code harness sweep} on {@code text} as a scenario file, then of
     * {@code harness compare} on it as a tolerance file, each after its file's name; both exit 2
     * and write nothing.
     */
    private List<String> wordings(String text) throws Exception {
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
        String sweepLine = sweep.errLines().get(0);
        String compareLine = compare.errLines().get(0);
        assertTrue(sweepLine.startsWith(sweepPrefix), sweepLine);
        assertTrue(compareLine.startsWith(comparePrefix), compareLine);
        assertEquals(List.of(), List.of(dir.toFile().list()).stream()
                .filter(name -> !name.endsWith(".yaml") && !name.equals("fixture")).toList(), "nothing written");
        return List.of(sweepLine.substring(sweepPrefix.length()), compareLine.substring(comparePrefix.length()));
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
