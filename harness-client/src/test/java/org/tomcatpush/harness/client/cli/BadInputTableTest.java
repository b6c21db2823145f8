package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tomcatpush.harness.client.report.FixtureRuns;

/**
 * The bad-input table: server flags ({@code harness server}), client flags ({@code harness run}),
 * scenario files ({@code harness sweep}), results and tolerance files ({@code harness compare}) and
 * run folders given to {@code harness report}. Each is refused with exit status 2 and one line
 * that names the input and the fix, with no stack trace, nothing started and nothing half-written:
 * no results folder for {@code run}, no {@code report.html} for {@code report}. No case reaches the
 * network. {@link BadOptionsTest} holds more {@code run} options in the same form.
 */
@Timeout(60)
class BadInputTableTest {

    @TempDir
    Path dir;

    /** Prepares the input in a fresh folder and gives the command line. */
    @FunctionalInterface
    interface Input {
        List<String> args(Path dir) throws Exception;
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // server flags, as harness server (and the server JVM that run starts) refuses them
                server("--protocol nio3", "'nio3' is not a protocol: use nio or nio2"),
                server("--max-threads -5", "--max-threads must be at least 1 (got -5)"),
                server("--min-spare-threads -1", "--min-spare-threads must be 0 or more (got -1)"),
                server("--max-connections 0", "--max-connections must be at least 1, or -1 for unlimited (got 0)"),
                server("--accept-count -1", "--accept-count must be at least 1 (got -1)"),
                server("--connection-timeout -2", "--connection-timeout must be at least 1 ms, or -1 for infinite"),
                server("--keep-alive-timeout abc", "'--keep-alive-timeout': 'abc' is not a duration: write e.g. 500ms,"
                        + " 30s or 2m, or a number of milliseconds"),
                server("--async-timeout -7", "--async-timeout must be 0 (none) or more (got -7)"),
                server("--port 70000", "--port must be between 0 and 65535"),
                server("--handler fast", "'fast' is not a handler mode: use async, blocking or async-container"),
                server("--publish-rate -3", "--publish-rate must be 0 (on demand only) or more messages/s"),
                server("--payload-bytes -1", "--payload-bytes must be between 0 and 1048576 (got -1)"),
                server("--sse-timeout -1", "--sse-timeout must be 0 (never) or more ms (got -1)"),
                server("--sse-retry -5", "--sse-retry must be 0 or more ms (got -5)"),
                server("--long-poll-hold -1", "--long-poll-hold must be at least 1 ms (got -1)"),
                server("--sample-interval -1", "--sample-interval must be 0 (off) or more ms (got -1)"),
                server("--ring-capacity 0", "--ring-capacity must be at least 1 (got 0)"),
                server("--max-batch 0", "--max-batch must be at least 1 (got 0)"),
                server("--control-port 70000", "--control-port must be between 0 and 65535 (got 70000)"),
                server("--sse-heartbeat -1", "--sse-heartbeat must be 0 (none) or more ms (got -1)"),
                server("--no-such-flag", "unknown option: '--no-such-flag'"),
                // client flags of harness run not already in BadOptionsTest
                run("--sessions -4", "--sessions must be at least 1 (got -4)"),
                run("--sessions 99999999999", "'--sessions': '99999999999' is not a whole number"),
                run("--duration 1y", "'1y' is not a duration"),
                run("--poll-interval abc", "'abc' is not a duration"),
                run("--sse-reconnect-delay soon", "'soon' is not a duration"),
                run("--transport sse=0", "weight of sse must be positive"),
                run("--transport sse=70,ws=x", "weight 'x' of ws is not a whole number: write e.g. sse=70,ws=30"),
                run("--browser --sessions-per-browser 0", "--sessions-per-browser must be at least 1 (got 0)"),
                run("--source-addresses 255", "--source-addresses must be between 1 and 254"),
                run("--target http://192.0.2.7:8080", "target http://192.0.2.7:8080 is not a loopback address"),
                run("--target http://", "--target 'http://' is not a URL: write e.g. http://127.0.0.1:8080"),
                run("--server-heap 2x", "--server-heap '2x' is not a heap size"),
                run("--connect-timeout -1s", "'-1s' is not a duration"),
                run("--listen-timeout abc", "'abc' is not a duration"),
                run("--request-timeout -1s", "'-1s' is not a duration"),
                run("--request-timeout 30", "'30' has no unit: write 30ms or 30s"),
                run("--host 192.0.2.7", "--host 192.0.2.7 is not a loopback address"),
                run("stray-argument", "unmatched argument at index 3: 'stray-argument'"),
                run("--threshold latency_p99<200", "unknown column 'latency_p99' in --threshold 'latency_p99<200':"
                        + " did you mean latency_p99_ms?"),
                run("--threshold errors<=1 --threshold latency_p99_ms=200",
                        "--threshold 'latency_p99_ms=200' is not a threshold: write [transport:]column OP number"),
                run("--threshold latency_p99_ms<fast", "'fast' in --threshold 'latency_p99_ms<fast' is not a number"),
                run("--threshold see:errors==0", "unknown transport 'see' in --threshold 'see:errors==0'"),
                run("--transport ws --threshold sse:errors==0", "--threshold 'sse:errors==0' names sse, which is not"
                        + " in --transport ws"),
                run("--proxy squid", "--proxy 'squid' is not a proxy: use none or nginx"),
                run("--proxy nginx --proxy-read-timeout 0", "--proxy-read-timeout must be more than 0: write e.g. 60s"),
                run("--proxy nginx --proxy-read-timeout 5", "'5' has no unit: write 5ms or 5s"),
                run("--proxy nginx --proxy-upstream-keepalive -1", "--proxy-upstream-keepalive must be between 0"
                        + " (a new connection per request) and 65535 (got -1)"),
                run("--proxy nginx --proxy-upstream-keepalive many", "'--proxy-upstream-keepalive': 'many' is not a"
                        + " whole number"),
                run("--proxy-read-timeout 5s", "--proxy-read-timeout configures the proxy, and this run has none:"
                        + " add --proxy nginx, or drop --proxy-read-timeout"),
                run("--proxy-upstream-keepalive 8", "--proxy-upstream-keepalive configures the proxy, and this run"
                        + " has none"),
                run("--proxy nginx --sessions 9000", "--proxy nginx carries at most 8000 sessions (its"
                        + " worker_connections 16384, two per session), got --sessions 9000"),
                run("--proxy nginx --proxy-binary /nonexistent/nginx", "--proxy nginx needs nginx, which is not"
                        + " installed (no executable /nonexistent/nginx): install it with 'apt-get install -y nginx'"),
                input("run --out <file>/runs (not writable)", d -> List.of("run", "--out",
                        Files.writeString(d.resolve("a-file"), "x").resolve("runs").toString()),
                        "is not writable ("),
                // run folders given to harness report
                input("report <missing folder>", d -> List.of("report", d.resolve("no-such-run").toString()),
                        ": does not exist; point at a complete folder written by"),
                input("report <a file>", d -> List.of("report", Files.writeString(d.resolve("f"), "x").toString()),
                        ": is not a folder; point at a complete folder"),
                input("report <empty folder>", d -> List.of("report", Files.createDirectory(d.resolve("empty"))
                        .toString()), "run.json: is missing"),
                input("report <missing run.json>", d -> report(d, "run.json", null), "run.json: is missing"),
                input("report <run.json not JSON>", d -> report(d, "run.json", "{\"status\": "), "run.json: is not valid JSON"),
                input("report <truncated summary.csv>", d -> truncated(d, "summary.csv"), "(the file looks truncated)"),
                input("report <truncated timeseries.csv>", d -> truncated(d, "timeseries.csv"), "timeseries.csv line 2: has 2 fields"),
                input("report <corrupt latency.hlog>", d -> report(d, "latency.hlog",
                        "#[StartTime: x]\nTag=sse,0.1,1.0,2.0,%%%not-base64%%%\n"), "latency.hlog: line 2 is not an interval histogram"),
                input("report <missing latency.hlog>", d -> report(d, "latency.hlog", null), "latency.hlog: is missing"),
                input("report <empty summary.csv>", d -> report(d, "summary.csv", ""), "summary.csv: is empty (no header line)"),
                // scenario files given to harness sweep
                sweep("malformed YAML", "name: x\nfixed: {sessions: 2\n", "not valid YAML at line 3, column 1 (expected"
                        + " ',' or '}', but got <stream end>; while parsing a flow mapping at line 2, column 8)"),
                sweep("unknown top-level key", "name: x\nfixd: {sessions: 2}\nsweep: {transport: [sse]}\n",
                        "unknown top-level key 'fixd'"),
                sweep("unknown option key", "name: x\nfixed: {sesions: 2}\nsweep: {transport: [sse]}\n",
                        "'sesions' is not an option of 'harness run': did you mean 'sessions'?"),
                sweep("wrong type", "name: x\nfixed: {sessions: [1, 2]}\nsweep: {transport: [sse]}\n",
                        "fixed.sessions must be one value, not a list"),
                sweep("empty axis", "name: x\nfixed: {sessions: 2}\nsweep: {transport: []}\n",
                        "sweep.transport is an empty list"),
                sweep("bad threshold", "name: x\nfixed: {sessions: 2}\nsweep: {transport: [sse]}\n"
                        + "thresholds: [\"errors==0\", \"latency_p99<200\"]\n", "scenario.yaml: thresholds[2]: unknown"
                        + " column 'latency_p99' in --threshold 'latency_p99<200': did you mean latency_p99_ms?"),
                sweep("thresholds not a list", "name: x\nsweep: {transport: [sse]}\nthresholds: errors==0\n",
                        "thresholds must be a list of expressions, not 'errors==0'"),
                sweep("key both fixed and swept", "name: x\nfixed: {transport: sse}\nsweep: {transport: [sse, ws]}\n",
                        "transport is both in fixed and in sweep"),
                sweep("request timeout without a unit", "name: x\nfixed: {request-timeout: 500}\nsweep: {transport: [short-poll]}\n",
                        "'500' has no unit: write 500ms or 500s"),
                // results files and tolerance files given to harness compare
                input("compare <missing baseline>", d -> compare(d, null, null), "does not exist; give the summary.csv"),
                input("compare <empty baseline>", d -> compare(d, "", null), "is empty (no header line)"),
                input("compare <baseline header only>", d -> compare(d, header(d), null), "has a header but no rows"),
                input("compare <tolerance not understood>", d -> compare(d, summary(d), "metrics:\n  latency_p99_ms: +banana\n"),
                        "the tolerance of latency_p99_ms '+banana' is not understood"),
                input("compare <unknown metric in tolerance file>", d -> compare(d, summary(d), "metrics:\n  no_such_metric: +10%\n"),
                        "unknown metric 'no_such_metric'"),
                input("frobnicate (unknown command)", d -> List.of("frobnicate"), "unmatched argument at index 0: 'frobnicate'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void badInputExitsTwoWithOneLineNamingItAndLeavesNothingBehind(String label, Input input, String expected)
            throws Exception {
        List<String> args = input.args(dir);
        List<Path> before = listing();

        CliRun run = CliRun.of(args);

        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), "one line: " + run.err());
        String line = run.errLines().get(0);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
        assertTrue(line.contains(": "), "the input, then what is wrong: " + line);
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
        assertEquals(before, listing(), "nothing written");
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }

    /** A fixture run folder with {@code file} replaced by {@code content}, or deleted when it is null. */
    private static List<String> report(Path dir, String file, String content) throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, dir.resolve("run"));
        if (content == null) {
            Files.delete(run.resolve(file));
        } else {
            Files.writeString(run.resolve(file), content);
        }
        return List.of("report", run.toString());
    }

    /** A fixture run folder whose {@code file} was cut off in the middle of its second line. */
    private static List<String> truncated(Path dir, String file) throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, dir.resolve("run"));
        String text = Files.readString(run.resolve(file));
        int secondLine = text.indexOf('\n') + 1;
        Files.writeString(run.resolve(file), text.substring(0, secondLine + 7));
        return List.of("report", run.toString());
    }

    private static Arguments sweep(String label, String yaml, String expected) {
        return Arguments.of("sweep <" + label + ">", (Input) d -> List.of("sweep", "--dry-run", "--out",
                d.resolve("runs").toString(), Files.writeString(d.resolve("scenario.yaml"), yaml).toString()), expected);
    }

    /**
     * harness compare of {@code baseline} (null: a file that does not exist) against a one-run
     * summary, with a tolerance file when {@code tolerances} is not null.
     */
    private static List<String> compare(Path dir, String baseline, String tolerances) throws Exception {
        Path base = dir.resolve("baseline.csv");
        if (baseline != null) {
            Files.writeString(base, baseline);
        }
        List<String> args = new ArrayList<>(List.of("compare", "--baseline", base.toString(), "--current",
                Files.writeString(dir.resolve("current.csv"), summary(dir)).toString(), "--out", dir.toString()));
        if (tolerances != null) {
            args.addAll(List.of("--tolerances", Files.writeString(dir.resolve("tolerances.yaml"), tolerances).toString()));
        }
        return args;
    }

    /** The summary.csv of the mixed fixture run (made once under {@code dir}). */
    private static String summary(Path dir) throws Exception {
        Path run = dir.resolve("fixture");
        if (!Files.exists(run)) {
            FixtureRuns.create(FixtureRuns.MIXED, run);
        }
        return Files.readString(run.resolve("summary.csv"));
    }

    private static String header(Path dir) throws Exception {
        String text = summary(dir);
        return text.substring(0, text.indexOf('\n') + 1);
    }

    private static Arguments server(String flags, String expected) {
        List<String> args = new ArrayList<>(List.of("server"));
        args.addAll(List.of(flags.split(" ")));
        return Arguments.of("server " + flags, (Input) d -> args, expected);
    }

    private static Arguments run(String flags, String expected) {
        return Arguments.of("run " + flags, (Input) d -> {
            List<String> args = new ArrayList<>(List.of("run", "--out", d.resolve("runs").toString()));
            args.addAll(List.of(flags.split(" ")));
            return args;
        }, expected);
    }

    private static Arguments input(String label, Input input, String expected) {
        return Arguments.of(label, input, expected);
    }
}
