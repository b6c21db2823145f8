package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.HarnessCli;
import org.tomcatpush.harness.client.cli.RunPlans;
import org.tomcatpush.harness.client.sweep.OptionKeys;
import org.tomcatpush.harness.client.sweep.ScenarioFile;
import org.tomcatpush.harness.client.sweep.SweepPlan;

/**
 * {@code scripts/experiments.sh} and the scenario files it runs: every shipped scenario file is a
 * valid sweep (every run's plan builds), each serves a known experiment, and the script refuses
 * an experiment no scenario file serves, before running anything. With a stand-in for the sweeps
 * (a {@code JAVA} that fakes {@code harness sweep} and runs the real {@code harness experiments}):
 * a sweep that fails outright leaves its experiment inconclusive with the cause while the others
 * are judged, an experiment served by two files is judged once from both, only experiments with a
 * scenario file appear, {@code --list} names each file's experiments, and the wall time is the last line.
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
        assertEquals(List.of("E1", "E10", "E11", "E12", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9"), served);
    }

    /** Runs the script with {@code SCENARIOS} = {@code scenarios} and the stand-in java; waits for it to end. */
    private Process script(Path scenarios, Path out, String... args) throws Exception {
        Path java = dir.resolve("fake-java");
        // harness sweep: prints progress on stderr, then either fails as a sweep that never started does, or
        // names the folder its scenario file gives as the real sweep does. harness experiments: the real command.
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "shift 2\n"
                + "if [ \"$1\" = sweep ]; then\n"
                + "  echo \"sweep $(basename \"$2\"): starting\" >&2\n"
                + "  if grep -q '^# fails' \"$2\"; then echo 'harness: the server did not start' >&2; exit 1; fi\n"
                + "  echo \"results: $(sed -n 's/^# folder: //p' \"$2\")\"\n"
                + "  if grep -q '^# interrupted' \"$2\"; then exit 130; fi\n"
                + "  exit 0\n"
                + "fi\n"
                + "exec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + HarnessCli.class.getName() + " \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));
        List<String> command = new ArrayList<>(List.of("bash", root().resolve("scripts/experiments.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile());
        pb.environment().putAll(Map.of("JAVA", java.toString(), "HARNESS_JAR", java.toString(), "SCENARIOS",
                scenarios.toString(), "OUT", out.toString()));
        Process p = pb.start();
        if (!p.waitFor(50, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("experiments.sh did not end in 50 s");
        }
        return p;
    }

    private String stdout() throws Exception {
        return Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
    }

    private String stderr() throws Exception {
        return Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
    }

    /** A scenario file for the stand-in sweep: its folder, or failing outright when {@code folder} is null. */
    private static void scenario(Path scenarios, String name, Path folder) throws Exception {
        Files.createDirectories(scenarios);
        Files.writeString(scenarios.resolve(name), folder == null ? "# fails\n" : "# folder: " + folder + "\n");
    }

    @Test
    void aSweepThatFailsOutrightLeavesItsExperimentInconclusiveWithTheCauseAndTheOthersAreJudged() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        scenario(scenarios, "e1-limit.yaml", FixtureSweeps.folder("e1", dir));
        scenario(scenarios, "e2-timeout.yaml", null);
        Path out = dir.resolve("out");

        Process p = script(scenarios, out);

        assertEquals(1, p.exitValue(), stderr());
        String md = Files.readString(out.resolve("experiments.md"));
        assertTrue(md.contains("| E1 | keep-alive request limit | **supported** | *all 4 criteria met:*"), md);
        assertTrue(md.contains("| [report](../20260101-120000-sweep-e1/report.html) |\n"), md);
        assertTrue(md.contains("| E2 | SSE server timeout, reconnects and the keep-alive limit | **inconclusive** |"
                + " *nothing judged:* the sweep did not run or left no folder: e2-timeout.yaml exited with status 1"
                + " (harness: the server did not start) | not run |\n"), md);
        assertFalse(md.contains("| E3 |") || md.contains("## E3"), "an experiment without a scenario file is not run");
        assertTrue(md.matches("(?s).*\n- wall time: \\d+s for the sweeps \\(\\d+ s\\)\n.*"), md);
        assertTrue(stderr().contains("sweep e2-timeout.yaml: starting\nharness: the server did not start\n"
                + "experiments.sh: the sweep of e2-timeout did not run: e2-timeout.yaml exited with status 1"
                + " (harness: the server did not start)\n"), "the sweep's own lines are shown: " + stderr());
        assertTrue(stdout().startsWith("results: " + dir.resolve("20260101-120000-sweep-e1") + "\n"
                + "E1 supported: keep-alive request limit\n"
                + "E2 inconclusive: SSE server timeout, reconnects and the keep-alive limit\n"), stdout());
        assertTrue(stdout().matches("(?s).*\nexperiments.sh: wall time \\d+s \\(\\d+ s\\) for 2 scenario"
                + " file\\(s\\)\n"), "the wall time is the last line: " + stdout());
    }

    @Test
    void anExperimentServedByTwoFilesIsJudgedOnceFromBothSweeps() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        Path first = FixtureSweeps.folder("e3-e4", dir.resolve("a"));
        Path second = FixtureSweeps.folder("e4", dir.resolve("b"));
        scenario(scenarios, "e3-e4-threads.yaml", first);
        scenario(scenarios, "e4-more.yaml", second);
        Path out = dir.resolve("out");

        Process p = script(scenarios, out, "E4");

        assertEquals(0, p.exitValue(), stderr());
        String md = Files.readString(out.resolve("experiments.md"));
        assertEquals(1, md.split("\\| E4 \\|", -1).length - 1, md);
        assertEquals(1, md.split("\\| E3 \\|", -1).length - 1, "E3 is judged from the file that serves it too: " + md);
        assertTrue(md.contains(" | [report 1](../a/20260101-120000-sweep-e3-e4/report.html),"
                + " [report 2](../b/20260101-120000-sweep-e4/report.html) |\n"), md);
        assertTrue(md.contains("**Sweeps.** `../a/20260101-120000-sweep-e3-e4`, `../b/20260101-120000-sweep-e4`"),
                md);
        assertTrue(md.contains("- [met] on platform threads with more sessions than threads, busy threads reach"
                + " maxThreads: long-poll 40 sessions: peak 20 of maxThreads 20; long-poll 80 sessions: peak 20 of"
                + " maxThreads 20; long-poll 200 sessions: peak 50 of maxThreads 50;"), "rows of both sweeps: " + md);
    }

    @Test
    void aMissingSweepOfAnExperimentServedTwiceMakesItsSupportInconclusive() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        scenario(scenarios, "e3-threads.yaml", FixtureSweeps.folder("e3-e4", dir.resolve("a")));
        scenario(scenarios, "e4-blocking-threads.yaml", FixtureSweeps.folder("e4", dir.resolve("b")));
        scenario(scenarios, "e4-virtual.yaml", null);
        Path out = dir.resolve("out");

        Process p = script(scenarios, out);

        assertEquals(1, p.exitValue(), stderr());
        String md = Files.readString(out.resolve("experiments.md"));
        assertTrue(md.contains("| E3 | async handlers hold connections, not threads | **supported** |"), md);
        assertTrue(md.contains("| E4 | blocking handlers hold a thread per session | **inconclusive** | *runs missing:*"
                + " a sweep of this experiment did not run or left no folder: e4-virtual.yaml exited with status 1"
                + " (harness: the server did not start) | [report](../b/20260101-120000-sweep-e4/report.html) |\n"),
                md);
    }

    @Test
    void anInterruptedSweepEndsTheRunButWhatRanIsJudged() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        scenario(scenarios, "e1-limit.yaml", FixtureSweeps.folder("e1", dir));
        Files.writeString(scenarios.resolve("e1-limit.yaml"), "# interrupted\n", StandardOpenOption.APPEND);
        scenario(scenarios, "e2-timeout.yaml", FixtureSweeps.folder("e2", dir));
        Path out = dir.resolve("out");

        Process p = script(scenarios, out);

        assertEquals(130, p.exitValue(), stderr());
        assertFalse(stderr().contains("sweep e2-timeout.yaml: starting"), "no sweep after the interrupted one");
        String md = Files.readString(out.resolve("experiments.md"));
        assertTrue(md.contains("| E1 | keep-alive request limit | **supported** |"), md);
        assertTrue(md.contains("| **inconclusive** | *nothing judged:* the sweep did not run or left no folder:"
                + " e2-timeout.yaml did not run: experiments.sh was interrupted before it | not run |\n"), md);
    }

    @Test
    void listNamesEachScenarioFileAndTheExperimentsItServes() throws Exception {
        Path scenarios = dir.resolve("scenarios");
        scenario(scenarios, "e1-limit.yaml", dir);
        scenario(scenarios, "e3-e4-threads.yaml", dir);

        Process p = script(scenarios, dir.resolve("out"), "--list");

        assertEquals(0, p.exitValue(), stderr());
        assertEquals("e1-limit.yaml                    E1\ne3-e4-threads.yaml               E3 E4\n", stdout());
        assertFalse(Files.exists(dir.resolve("out")), "listing runs nothing");
    }

    @Test
    void usageStatesNoGuessedDurationAndPointsAtTheLastFullRun() throws Exception {
        Process p = script(dir, dir.resolve("out"), "--help");

        assertEquals(0, p.exitValue(), stderr());
        assertTrue(stdout().startsWith("experiments.sh: runs the experiment scenarios"), stdout());
        assertTrue(stdout().contains("docs/EXPERIMENTS-RESULTS.md states how\n"), stdout());
        assertFalse(stdout().contains("minutes"), stdout());
        assertTrue(stdout().endsWith("2 bad usage, 130 interrupted.\n"), stdout());
    }

    @Test
    void scriptRefusesAnExperimentNoScenarioServes() throws Exception {
        Process p = new ProcessBuilder("bash", root().resolve("scripts/experiments.sh").toString(), "E99")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            assertEquals("experiments.sh: no scenario file serves E99; known: E1 E10 E11 E12 E2 E3 E4 E5 E6 E7 E8 E9 \n",
                    Files.readString(dir.resolve("log"), StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }
}
