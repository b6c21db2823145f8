package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.client.sweep.OptionKeys;
import org.tomcatpush.harness.client.sweep.ScenarioFile;
import org.tomcatpush.harness.client.sweep.SweepPlan;

/**
 * The one rule for time values, on every time flag of {@code harness run} (the client's and the
 * server's) and on the same keys in a sweep file: a value with a unit is accepted everywhere; a
 * bare number is milliseconds on a server flag (with its special values -1 and 0 kept) and is
 * refused on a client flag unless it is 0, with both readings spelled out. Every accepted value is
 * checked for the milliseconds it gives; every refused one for exit 2 and its one line. No case
 * reaches the network.
 */
@Timeout(60)
class TimeValueRuleTest {

    /** Each server time flag and where its milliseconds land in the plan. */
    private static final Map<String, Function<RunPlan, Number>> SERVER = Map.of(
            "connection-timeout", p -> p.serverConfig().connectionTimeoutMs(),
            "keep-alive-timeout", p -> p.serverConfig().keepAliveTimeoutMs(),
            "async-timeout", p -> p.serverConfig().asyncTimeoutMs(),
            "sse-timeout", p -> p.serverConfig().sseTimeoutMs(),
            "sse-retry", p -> p.serverConfig().sseRetryMs(),
            "sse-heartbeat", p -> p.serverConfig().sseHeartbeatMs(),
            "long-poll-hold", p -> p.serverConfig().longPollHoldMs(),
            "sample-interval", p -> p.serverConfig().sampleIntervalMs());

    /** Each client time flag and where its milliseconds land in the plan. */
    private static final Map<String, Function<RunPlan, Number>> CLIENT = Map.of(
            "duration", p -> p.duration().toMillis(),
            "ramp-up", p -> p.rampUp().toMillis(),
            "poll-interval", p -> p.pollInterval().toMillis(),
            "sse-reconnect-delay", p -> p.sseReconnectDelay().toMillis(),
            "connect-timeout", p -> p.connectTimeout().toMillis(),
            "request-timeout", p -> p.requestTimeout().toMillis(),
            "listen-timeout", p -> p.listenTimeout().toMillis());

    private static final String NOT_A_SERVER_TIME = "is not a duration: write e.g. 500ms, 30s or 2m, or a number of"
            + " milliseconds";

    @TempDir
    Path dir;

    static Stream<Arguments> accepted() {
        List<Arguments> rows = new ArrayList<>();
        for (String flag : SERVER.keySet()) {
            rows.add(Arguments.of(flag, "1s", 1000L));
            rows.add(Arguments.of(flag, "1000", 1000L));
            rows.add(Arguments.of(flag, "1.5s", 1500L));
            rows.add(Arguments.of(flag, "250ms", 250L));
            rows.add(Arguments.of(flag, "2m", 120_000L));
        }
        rows.add(Arguments.of("connection-timeout", "-1", -1L));
        rows.add(Arguments.of("keep-alive-timeout", "-1", -1L));
        rows.add(Arguments.of("async-timeout", "0", 0L));
        rows.add(Arguments.of("sse-timeout", "0", 0L));
        rows.add(Arguments.of("sse-retry", "0", 0L));
        rows.add(Arguments.of("sse-heartbeat", "0", 0L));
        rows.add(Arguments.of("sample-interval", "0", 0L));
        rows.add(Arguments.of("sample-interval", "0.4ms", 0L));
        rows.add(Arguments.of("keep-alive-timeout", "1.0004s", 1000L));
        for (String flag : CLIENT.keySet()) {
            rows.add(Arguments.of(flag, "50ms", 50L));
            rows.add(Arguments.of(flag, "1.5s", 1500L));
            rows.add(Arguments.of(flag, "2s", 2000L));
        }
        rows.add(Arguments.of("ramp-up", "0", 0L));
        rows.add(Arguments.of("sse-reconnect-delay", "0", 0L));
        rows.add(Arguments.of("request-timeout", "0", 0L));
        rows.add(Arguments.of("duration", "1m", 60_000L));
        rows.add(Arguments.of("poll-interval", "30s", 30_000L));
        return rows.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> rows = new ArrayList<>();
        for (String flag : SERVER.keySet()) {
            rows.add(Arguments.of(flag, "abc", "'abc' " + NOT_A_SERVER_TIME));
            rows.add(Arguments.of(flag, "5 minutes", "'5 minutes' " + NOT_A_SERVER_TIME));
            rows.add(Arguments.of(flag, "1e3", "'1e3' " + NOT_A_SERVER_TIME));
        }
        rows.add(Arguments.of("connection-timeout", "0", "--connection-timeout must be at least 1 ms, or -1 for"
                + " infinite (got 0)"));
        rows.add(Arguments.of("keep-alive-timeout", "-7", "--keep-alive-timeout must be at least 1 ms, or -1 for"
                + " infinite (got -7)"));
        rows.add(Arguments.of("keep-alive-timeout", "-1s", "--keep-alive-timeout must be at least 1 ms, or -1 for"
                + " infinite (got -1000)"));
        rows.add(Arguments.of("long-poll-hold", "0s", "--long-poll-hold must be at least 1 ms (got 0)"));
        rows.add(Arguments.of("sample-interval", "-1", "--sample-interval must be 0 (off) or more ms (got -1)"));
        rows.add(Arguments.of("connection-timeout", "1000h", "'1000h' is too long: use at most"));
        for (String flag : CLIENT.keySet()) {
            rows.add(Arguments.of(flag, "50", "'50' has no unit: write 50ms or 50s"));
            rows.add(Arguments.of(flag, "1.5", "'1.5' has no unit: write 1.5ms or 1.5s"));
            rows.add(Arguments.of(flag, "abc", "'abc' is not a duration: write e.g. 500ms, 30s or 2m"));
            rows.add(Arguments.of(flag, "-1s", "'-1s' is not a duration"));
        }
        rows.add(Arguments.of("duration", "0", "--duration must be more than 0"));
        rows.add(Arguments.of("poll-interval", "0", "--poll-interval must be more than 0"));
        rows.add(Arguments.of("connect-timeout", "0ms", "--connect-timeout must be more than 0"));
        rows.add(Arguments.of("listen-timeout", "0", "--listen-timeout must be more than 0"));
        return rows.stream();
    }

    @ParameterizedTest(name = "--{0} {1} is {2} ms")
    @MethodSource("accepted")
    void acceptedValueGivesItsMillisecondsOnTheFlagAndInASweepFile(String key, String value, long expectedMs)
            throws Exception {
        Function<RunPlan, Number> field = SERVER.containsKey(key) ? SERVER.get(key) : CLIENT.get(key);

        RunPlan flag = RunPlans.plan(args(key, value));
        RunPlan swept = SweepPlan.of(ScenarioFile.read(scenario(key, value), new OptionKeys(RunPlans.options())),
                dir.resolve("out")).plans().get(0);

        assertEquals(expectedMs, field.apply(flag).longValue(), "--" + key + " " + value);
        assertEquals(expectedMs, field.apply(swept).longValue(), "fixed." + key + ": " + value);
    }

    @ParameterizedTest(name = "--{0} {1} is refused")
    @MethodSource("refused")
    void refusedValueExitsTwoWithOneLineOnTheFlagAndInASweepFile(String key, String value, String expected)
            throws Exception {
        Path out = dir.resolve("runs");
        List<String> runArgs = new ArrayList<>(List.of("run", "--out", out.toString()));
        runArgs.addAll(args(key, value));
        Path file = scenario(key, value);

        CliRun run = CliRun.of(runArgs);
        CliRun sweep = CliRun.of(List.of("sweep", "--dry-run", "--out", out.toString(), file.toString()));

        assertRefused(run, expected);
        assertRefused(sweep, expected);
        assertTrue(sweep.errLines().get(0).startsWith("harness: " + file + ": fixed." + key + " = "),
                "names the key: " + sweep.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static void assertRefused(CliRun run, String expected) {
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), "one line: " + run.err());
        assertTrue(run.errLines().get(0).contains(expected), "expected '" + expected + "' in: " + run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
    }

    /**
     * The flag and its value, in a short-poll run long enough for any value of the table (an SSE
     * run when the value is the duration itself, which the default poll interval could outlast).
     */
    private static List<String> args(String key, String value) {
        List<String> args = new ArrayList<>();
        if (!key.equals("duration")) {
            args.addAll(List.of("--transport", "short-poll", "--duration", "5m"));
        }
        args.addAll(List.of("--" + key, value));
        return args;
    }

    /** A one-run sweep file setting {@code key} under fixed: as YAML reads it (numbers as numbers). */
    private Path scenario(String key, String value) throws Exception {
        String yamlValue = value.matches("-?[0-9.]+") ? value : "\"" + value + "\"";
        String duration = key.equals("duration") ? "" : "duration: 5m, ";
        String transport = key.equals("duration") ? "sse" : "short-poll";
        return Files.writeString(dir.resolve("time.yaml"), "name: time\nfixed: {" + duration + key + ": " + yamlValue
                + "}\nsweep: {transport: [" + transport + "]}\n");
    }
}
