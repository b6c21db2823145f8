package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.client.sweep.OptionKeys;
import org.tomcatpush.harness.client.sweep.ScenarioFile;
import org.tomcatpush.harness.client.sweep.SweepPlan;

/**
 * {@code scripts/experiments.sh} and the scenario files it runs: every shipped scenario file is a
 * valid sweep (every run's plan builds), each serves a known experiment, and the script refuses
 * an experiment no scenario file serves, before running anything.
 */
@Timeout(60)
class ExperimentsScriptTest {

    @TempDir
    Path dir;

    private static Path root() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isRegularFile(d.resolve("scripts/experiments.sh"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("scripts/experiments.sh not found above " + Path.of("").toAbsolutePath());
        }
        return d;
    }

    @Test
    void everyShippedScenarioFileIsAValidSweepOfAKnownExperiment() throws Exception {
        List<Path> files;
        try (var list = Files.list(root().resolve("scripts/scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> served = new ArrayList<>();
        for (Path file : files) {
            ScenarioFile scenario = ScenarioFile.read(file, new OptionKeys(RunPlans.options()));
            SweepPlan plan = SweepPlan.of(scenario, dir);
            assertTrue(plan.combinations().size() >= 2, file + " sweeps something");
            assertTrue(Files.readString(file).startsWith("# E"), file + " starts with its claim");
            for (String token : file.getFileName().toString().split("-")) {
                if (!token.matches("e\\d+")) {
                    break;
                }
                String id = token.toUpperCase();
                assertTrue(Experiments.byId(id).isPresent(), file + ": " + id + " has an evaluator");
                served.add(id);
            }
        }
        assertEquals(List.of("E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"), served);
    }

    @Test
    void scriptRefusesAnExperimentNoScenarioServes() throws Exception {
        Process p = new ProcessBuilder("bash", root().resolve("scripts/experiments.sh").toString(), "E9")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            assertEquals("experiments.sh: no scenario file serves E9; known: E1 E2 E3 E4 E5 E6 E7 E8 \n",
                    Files.readString(dir.resolve("log"), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }
}
