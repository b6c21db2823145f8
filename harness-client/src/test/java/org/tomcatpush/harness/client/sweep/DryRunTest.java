package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.RunPlans;

/**
 * {@code harness sweep --dry-run}: one line per run with its options, the estimated total time
 * (durations plus a measured start-up overhead per run), and nothing run or written.
 */
@Timeout(120)
class DryRunTest {

    private static final String SCENARIO = """
            name: dry
            fixed: {sessions: 20, duration: 30s, ramp-up: 5s, publish-rate: 5}
            sweep:
              transport: [sse, ws]
              max-threads: [50, 200]
            """;

    @TempDir
    Path dir;

    @Test
    void estimateIsTheDurationsPlusTheOverheadOfEveryRun() throws Exception {
        Path file = SweepCli.scenario(dir, "dry.yaml", SCENARIO);
        SweepPlan plan = SweepPlan.of(ScenarioFile.read(file, new OptionKeys(RunPlans.options())), dir.resolve("out"));
        StartupOverhead overhead = new StartupOverhead(Duration.ofMillis(2_500), true, "measured here: test figure");

        List<String> lines = DryRun.describe(plan, overhead);

        assertEquals(7, lines.size(), String.join("\n", lines));
        assertEquals("sweep dry: 4 runs from " + file + ", into " + dir.resolve("out")
                + "/<yyyyMMdd-HHmmss>-sweep-dry", lines.get(0));
        assertEquals("[1/4] transport=sse max-threads=50: harness run --sessions 20 --duration 30s --ramp-up 5s"
                + " --publish-rate 5 --transport sse --max-threads 50", lines.get(1));
        assertEquals("[4/4] transport=ws max-threads=200: harness run --sessions 20 --duration 30s --ramp-up 5s"
                + " --publish-rate 5 --transport ws --max-threads 200", lines.get(4));
        // 4 x 30 s + 4 x 2.5 s = 130 s
        assertEquals("estimated time: 2m = 2m of run durations (ramp-up included) + 4 x 2.5s start-up overhead per"
                + " run (measured here: test figure)", lines.get(5));
        assertEquals("dry run: nothing was run and nothing was written", lines.get(6));
    }

    @Test
    void dryRunListsEveryRunMeasuresTheOverheadAndWritesNothing() throws Exception {
        Path file = SweepCli.scenario(dir, "dry.yaml", SCENARIO);
        Path out = dir.resolve("out");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", out.toString(), "--dry-run");

        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(7, lines.size(), run.out());
        assertTrue(lines.get(2).startsWith("[2/4] transport=sse max-threads=200: harness run --sessions 20"), lines.get(2));
        assertTrue(lines.get(5).matches("estimated time: \\S+ = 2m of run durations \\(ramp-up included\\) \\+ 4 x"
                + " \\d+\\.\\ds start-up overhead per run \\(measured here: server start and stop \\d+\\.\\ds \\+ 1\\.5s"
                + " settle, final stats and results\\)"), lines.get(5));
        assertEquals(List.of(), SweepCli.entries(out), "a dry run writes nothing");
        assertEquals("", run.err(), "no progress on a dry run");
    }

    @Test
    void remainingTimeUsesTheMeasuredOverheadOnceARunHasFinished() {
        Combination first = new Combination(1, 3, List.of(new Setting("sessions", "1", false)), List.of());
        Combination second = new Combination(2, 3, List.of(new Setting("sessions", "2", false)), List.of());
        SweepProgress progress = new SweepProgress(List.of(Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10)), Duration.ofSeconds(5));

        assertEquals("[1/3] sessions=1 ... ETA 45s", progress.starting(first));
        assertEquals("[1/3] completed in 12s", progress.finished(first, Duration.ofSeconds(12), "completed", ""));
        // two runs left, 10 s each plus the 2 s overhead measured on the first
        assertEquals("[2/3] sessions=2 ... ETA 24s", progress.starting(second));
    }
}
