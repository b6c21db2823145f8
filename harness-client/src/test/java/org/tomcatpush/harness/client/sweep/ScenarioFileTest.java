package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tomcatpush.harness.client.cli.RunPlans;

/**
 * Scenario files: a good file reads into its name, fixed settings and axes in file order; every
 * kind of bad file stops {@code harness sweep} before anything runs, with one line naming the
 * file, the key and the fix, exit status 2, and no output folder.
 */
@Timeout(60)
class ScenarioFileTest {

    @TempDir
    Path dir;

    @Test
    void goodFileReadsIntoNameFixedSettingsAndAxesInFileOrder() throws Exception {
        Path file = SweepCli.scenario(dir, "good.yaml", """
                # a comment
                name: threads-vs-transport
                fixed: {sessions: 500, duration: 30s, publish-rate: 0.5, browser: true}
                sweep:
                  transport: [short-poll, long-poll, sse, ws]
                  max-threads: [50, 200]
                  handler: [async, blocking]
                """);

        ScenarioFile scenario = ScenarioFile.read(file, new OptionKeys(RunPlans.options()));

        assertEquals("threads-vs-transport", scenario.name());
        assertEquals(List.of(new Setting("sessions", "500", false), new Setting("duration", "30s", false),
                new Setting("publish-rate", "0.5", false), new Setting("browser", "true", true)), scenario.fixed());
        assertEquals(List.of("transport", "max-threads", "handler"), scenario.axes().stream().map(Axis::key).toList());
        assertEquals(List.of("50", "200"), scenario.axes().get(1).values());
        assertEquals(16, scenario.runCount());
    }

    @Test
    void switchesTakeTrueOrFalseAndOnlyTrueBecomesAFlag() throws Exception {
        Path file = SweepCli.scenario(dir, "flags.yaml", """
                name: flags
                sweep: {browser: [false, true]}
                """);

        ScenarioFile scenario = ScenarioFile.read(file, new OptionKeys(RunPlans.options()));

        Axis browser = scenario.axes().get(0);
        assertTrue(browser.flag());
        assertEquals(List.of(), browser.setting(0).args());
        assertEquals(List.of("--browser"), browser.setting(1).args());
    }

    @Test
    void switchesTakeYamlsWordsForTrueAndFalseAndValuesStayAsWritten() throws Exception {
        Path file = SweepCli.scenario(dir, "words.yaml", """
                name: words
                fixed: {publish-rate: 0.50, sessions: +5}
                sweep: {browser: [Off, yes]}
                """);

        ScenarioFile scenario = ScenarioFile.read(file, new OptionKeys(RunPlans.options()));

        assertEquals(List.of(new Setting("publish-rate", "0.50", false), new Setting("sessions", "+5", false)),
                scenario.fixed(), "as on the command line, not as a YAML number");
        assertEquals(List.of("false", "true"), scenario.axes().get(0).values());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("malformed YAML", "name: x\nfixed: {sessions: [1, 2\n",
                        "not valid YAML at line"),
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("only comments", "# nothing yet\n", "the file is empty"),
                Arguments.of("tab for indentation", "name: x\nsweep:\n\ttransport: [sse]\n",
                        "not valid YAML at line 3, column 1"),
                Arguments.of("top level is a list", "- a\n- b\n", "the top level must be a map"),
                Arguments.of("unknown top-level key", "name: x\nruns: 3\nsweep: {sessions: [1]}\n",
                        "unknown top-level key 'runs'"),
                Arguments.of("name missing", "sweep: {sessions: [1, 2]}\n", "name is missing"),
                Arguments.of("name unusable in a folder", "name: a b/c\nsweep: {sessions: [1]}\n",
                        "name 'a b/c' is not usable in a folder name"),
                Arguments.of("sweep missing", "name: x\nfixed: {sessions: 2}\n", "sweep is missing"),
                Arguments.of("sweep is empty", "name: x\nsweep: {}\n", "sweep must be a map of option: [values]"),
                Arguments.of("unknown option key with suggestion", "name: x\nfixed: {max-thread: 5}\nsweep: {sessions: [1]}\n",
                        "fixed.max-thread: 'max-thread' is not an option of 'harness run': did you mean 'max-threads'?"),
                Arguments.of("option key with dashes", "name: x\nsweep: {--sessions: [1]}\n",
                        "sweep.--sessions: write option keys without dashes, e.g. 'sessions'"),
                Arguments.of("key the sweep sets itself", "name: x\nfixed: {out: /elsewhere}\nsweep: {sessions: [1]}\n",
                        "fixed.out: the sweep puts every run into its own folder: use 'harness sweep --out DIR'"),
                Arguments.of("a running target", "name: x\nfixed: {target: 'http://127.0.0.1:8080'}\nsweep: {sessions: [1]}\n",
                        "fixed.target: a sweep starts a fresh server for every run"),
                Arguments.of("an agent of a shared run", "name: x\nfixed: {agent: '1/3'}\nsweep: {sessions: [3]}\n",
                        "fixed.agent: a sweep's runs each drive a server of their own, so none is a slice of a shared"
                                + " run: drop it"),
                Arguments.of("a shared start time", "name: x\nfixed: {start-at: '2026-12-02T03:40:00Z'}\n"
                        + "sweep: {sessions: [3]}\n", "fixed.start-at: a sweep starts each run when the one before"
                                + " has ended: drop it"),
                Arguments.of("list where one value belongs", "name: x\nfixed: {sessions: [1, 2]}\nsweep: {handler: [async]}\n",
                        "fixed.sessions must be one value, not a list: move it under sweep: to vary it"),
                Arguments.of("one value where a list belongs", "name: x\nsweep: {sessions: 5}\n",
                        "sweep.sessions must be a list of values, not '5': write e.g. 'sessions: [5]' (or move it to fixed:)"),
                Arguments.of("empty axis", "name: x\nsweep: {transport: []}\n",
                        "sweep.transport is an empty list: give at least one value"),
                Arguments.of("value listed twice", "name: x\nsweep: {handler: [async, async]}\n",
                        "sweep.handler lists async twice"),
                Arguments.of("no value", "name: x\nfixed: {sessions: }\nsweep: {handler: [async]}\n",
                        "fixed.sessions has no value"),
                Arguments.of("switch given a word", "name: x\nfixed: {browser: sometimes}\nsweep: {sessions: [1]}\n",
                        "fixed.browser is a switch: write true or false, not 'sometimes'"),
                Arguments.of("key both fixed and swept", "name: x\nfixed: {sessions: 5}\nsweep: {sessions: [1, 2]}\n",
                        "sessions is both in fixed and in sweep"),
                Arguments.of("key given twice", "name: x\nfixed: {sessions: 1, sessions: 2}\nsweep: {handler: [async]}\n",
                        "'sessions' is written twice at line 2: keep one"),
                Arguments.of("bad value in the last run only", "name: x\nfixed: {duration: 1s}\nsweep: {max-threads: [50, 0]}\n",
                        "sweep.max-threads = 0 (run 2 of 2): --max-threads"),
                Arguments.of("value of the wrong type", "name: x\nfixed: {sessions: lots}\nsweep: {handler: [async]}\n",
                        "fixed.sessions = lots (run 1 of 1): invalid value for option '--sessions': 'lots' is not a"
                                + " whole number"),
                Arguments.of("bad transport", "name: x\nsweep: {transport: [sse, carrier-pigeon]}\n",
                        "sweep.transport = carrier-pigeon (run 2 of 2)"),
                Arguments.of("client time without a unit", "name: x\nfixed: {transport: short-poll}\n"
                        + "sweep: {poll-interval: [500ms, 50]}\n", "sweep.poll-interval = 50 (run 2 of 2): invalid value"
                        + " for option '--poll-interval': '50' has no unit: write 50ms or 50s"),
                Arguments.of("server time that is no time", "name: x\nsweep: {keep-alive-timeout: [1000, 1s, soon]}\n",
                        "sweep.keep-alive-timeout = soon (run 3 of 3): invalid value for option '--keep-alive-timeout':"
                                + " 'soon' is not a duration: write e.g. 500ms, 30s or 2m, or a number of milliseconds"),
                Arguments.of("poll interval longer than the run", "name: x\nfixed: {transport: short-poll, duration: 2s}\n"
                        + "sweep: {poll-interval: [1s, 5s]}\n", "sweep.poll-interval = 5s (run 2 of 2): --poll-interval"
                        + " (5000 ms) is longer than --duration (2000 ms): each short-poll session would poll at most"
                        + " once, or never"),
                Arguments.of("settings that clash in one run", "name: x\nfixed: {duration: 2s}\nsweep: {ramp-up: [1s, 5s]}\n",
                        "sweep.ramp-up = 5s (run 2 of 2): --ramp-up (5000 ms) must not be longer than --duration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileExitsTwoWithOneLineNamingFileAndKeyAndLeavesNoFolder(String what, String yaml, String expected)
            throws Exception {
        Path file = SweepCli.scenario(dir, "bad.yaml", yaml);
        Path out = dir.resolve("out");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", out.toString());

        assertEquals(2, run.exit(), what + ": " + run.err());
        assertEquals(1, run.errLines().size(), what + ": one line, no stack trace: " + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("harness: " + file + ": "), what + ": names the file: " + line);
        assertTrue(line.contains(expected), what + ": expected '" + expected + "' in: " + line);
        assertEquals(List.of(), SweepCli.entries(out), what + ": nothing written");
        assertEquals("", run.out(), what + ": nothing listed");
    }

    @Test
    void missingFileIsBadInput() {
        Path file = dir.resolve("absent.yaml");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, run.exit());
        assertEquals(List.of("harness: " + file + ": does not exist: give the path of a scenario file, e.g."
                + " scripts/scenarios/e1-keepalive-limit.yaml"), run.errLines());
        assertFalse(dir.resolve("out").toFile().exists());
    }
}
