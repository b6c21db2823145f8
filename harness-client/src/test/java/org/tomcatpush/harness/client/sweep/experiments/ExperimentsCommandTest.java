package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.HarnessCli;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.sweep.BrowserCheck;

/**
 * {@code harness experiments}, the experiments summary command: judges each ID=SWEEP_DIR pair,
 * writes experiments.md and experiments.html (which render in a headless browser), records a sweep
 * that did not run as inconclusive, and refuses unknown experiments, folders without sweep.csv and
 * a missing --out with exit status 2.
 */
@Timeout(300)
class ExperimentsCommandTest {

    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    /** {@code harness experiments ARGS...} in-process. */
    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = Stream.concat(Stream.of("experiments"), Stream.of(args)).toArray(String[]::new);
        int exit = HarnessCli.execute(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void summaryStatesEachClaimItsFiguresCriteriaAndVerdict() throws Exception {
        Path e1 = FixtureSweeps.folder("e1", dir);
        Path e34 = FixtureSweeps.folder("e3-e4", dir);
        Path e4 = FixtureSweeps.folder("e4", dir);
        Files.writeString(e1.resolve("scenario.yaml"), "# E1 comment\nname: e1\nfixed: {sessions: 20}\n");
        Path out = dir.resolve("summary");

        Result r = run("--out", out.toString(), "--command", "scripts/experiments.sh E1 E3 E4", "--machine-note",
                "shared, noisy", "E1=" + e1, "E3=" + e34, "E4=" + e4, "E2=");

        assertEquals(0, r.exit(), r.err());
        // in id order, not in the order given
        assertEquals("E1 supported: keep-alive request limit\n"
                + "E2 inconclusive: SSE server timeout, reconnects and the keep-alive limit\n"
                + "E3 supported: async handlers hold connections, not threads\n"
                + "E4 supported: blocking handlers hold a thread per session\n"
                + "summary: " + out.resolve("experiments.md") + " and " + out.resolve("experiments.html") + "\n",
                r.out());
        String md = Files.readString(out.resolve("experiments.md"));
        assertTrue(md.contains("- command: `scripts/experiments.sh E1 E3 E4`"), md);
        assertTrue(md.matches("(?s).*- machine: \\d+ cores, .*; shared, noisy\n.*"), md);
        assertTrue(md.contains("| E1 | keep-alive request limit | **supported** |"), md);
        assertTrue(md.contains("| E2 | SSE server timeout, reconnects and the keep-alive limit | **inconclusive** |"));
        assertTrue(md.contains("**Sweep.** `../20260101-120000-sweep-e1`"), "sweep named relative to the summary");
        assertTrue(md.contains("```yaml\nname: e1\nfixed: {sessions: 20}\n```"), "settings without comments");
        assertTrue(md.contains("| long-poll | 5 | 2920 | 592 | 4.93 | 5 | 572 | 0 | 20 | 576 |"), md);
        assertTrue(md.contains("- [met] the most requests one connection carried equals maxKeepAliveRequests:"));
        assertTrue(md.contains("**Sweep.** none (the sweep did not run)"));
        String html = Files.readString(out.resolve("experiments.html"));
        assertTrue(html.contains("<a href=\"../20260101-120000-sweep-e1/report.html\">"), "links the sweep report");
        if (BrowserCheck.available()) {
            BrowserCheck.Result check = BrowserCheck.check(dir, out.resolve("experiments.html"));
            assertEquals(0, check.exitStatus(), check.output());
            assertTrue(check.output().contains("experiments.html: ok charts=0/0"), check.output());
        }
    }

    @Test
    void aSweepThatDidNotRunIsInconclusiveWithTheReasonAndTheWallTimeIsStated() throws Exception {
        Path e1 = FixtureSweeps.folder("e1", dir);
        Path out = dir.resolve("summary");

        Result r = run("--out", out.toString(), "--sweeps-wall-s", "754", "--not-run-reason",
                "e2=e2-sse-timeout.yaml exited with status 1", "E1=" + e1, "E2=");

        assertEquals(0, r.exit(), r.err());
        String md = Files.readString(out.resolve("experiments.md"));
        assertTrue(md.contains("- wall time: 13m for the sweeps (754 s)\n"), md);
        assertTrue(md.contains("| **inconclusive** | *nothing judged:* the sweep did not run or left no folder:"
                + " e2-sse-timeout.yaml exited with status 1 | not run |\n"), md);
        assertTrue(Files.readString(out.resolve("experiments.html"))
                .contains("<tr><th scope=\"row\">wall time</th><td>13m for the sweeps (754 s)</td></tr>"));
    }

    @Test
    void aReasonForAnExperimentWhoseSweepRanIsBadInput() throws Exception {
        Result r = run("--out", dir.resolve("out").toString(), "--not-run-reason", "E1=crashed",
                "E1=" + FixtureSweeps.folder("e1", dir));

        assertEquals(2, r.exit());
        assertEquals("experiments: --not-run-reason E1 names no experiment given as E1= (a sweep that did not run)\n",
                r.err());
        assertTrue(Files.notExists(dir.resolve("out").resolve("experiments.md")));
    }

    @Test
    void aNegativeWallTimeIsBadInput() throws Exception {
        Result r = run("--out", dir.resolve("out").toString(), "--sweeps-wall-s", "-5",
                "E1=" + FixtureSweeps.folder("e1", dir));

        assertEquals(2, r.exit());
        assertEquals("experiments: --sweeps-wall-s must be 0 or more seconds, not -5\n", r.err());
        assertTrue(Files.notExists(dir.resolve("out").resolve("experiments.md")));
    }

    @Test
    void unknownExperimentIsBadInput() throws Exception {
        Result r = run("--out", dir.toString(), "E99=" + FixtureSweeps.folder("e1", dir));

        assertEquals(2, r.exit());
        assertEquals("experiments: unknown experiment 'E99': use one of E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12\n", r.err());
    }

    @Test
    void missingOutIsOneLineOfTheHarnessCommandLineAndExitTwo() throws Exception {
        Result r = run("E1=" + FixtureSweeps.folder("e1", dir));

        assertEquals(2, r.exit());
        assertEquals("harness: missing required option: '--out=DIR' (see 'harness experiments --help')\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void folderWithoutSweepCsvIsBadInput() {
        Result r = run("--out", dir.resolve("out").toString(), "E1=" + dir);

        assertEquals(2, r.exit());
        assertEquals("harness: " + dir.resolve("sweep.csv") + ": is missing; " + ResultsInputException.FIX_MISSING
                + "\n", r.err());
        assertTrue(Files.notExists(dir.resolve("out").resolve("experiments.md")));
    }
}
