package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code harness compare} end to end: exit status, the table, compare.md and a JUnit XML a CI system can read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CompareCommandTest {

    @TempDir
    Path dir;

    private Path baseline() throws IOException {
        return Summaries.write(dir.resolve("baseline/summary.csv"), Summaries.csv(
                Summaries.run("short-poll", "max_keep_alive_requests", "10"),
                Summaries.run("sse"),
                Summaries.run("ws", "requests_per_connection_mean", "1")));
    }

    private Path current(String... sseOverrides) throws IOException {
        return Summaries.write(dir.resolve("current/summary.csv"), Summaries.csv(
                Summaries.run("ws", "run_id", "other", "requests_per_connection_mean", "1", "latency_p99_ms", "11"),
                Summaries.run("short-poll", "run_id", "other", "max_keep_alive_requests", "10"),
                Summaries.run("sse", sseOverrides)));
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void noiseWithinToleranceExitsZeroAndWritesBothReportsBesideTheCurrentFile() throws Exception {
        Path current = current("latency_p99_ms", "14", "messages_received", "980", "requests", "103");
        CompareCli r = CompareCli.run("--baseline", baseline().toString(), "--current", current.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("compare: PASSED: no regression (3 runs matched"), r.out());
        assertTrue(Files.isRegularFile(dir.resolve("current/compare.md")));
        assertTrue(Files.isRegularFile(dir.resolve("current/compare-junit.xml")));
    }

    @Test
    void realRegressionExitsOneAndNamesTheMetricInTableMarkdownAndJUnit() throws Exception {
        Path out = dir.resolve("reports");
        CompareCli r = CompareCli.run("--baseline", baseline().toString(), "--current",
                current("latency_p99_ms", "400", "messages_lost", "1").toString(), "--out", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("== sse async  [2 failures]"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("latency_p99_ms") && l.contains("400")
                && l.contains("<= 110 (+100% or +100ms)") && l.endsWith("REGRESSION")), r.out());
        assertTrue(r.out().contains("compare: FAILED: 2 failures in 1 of 3 runs"), r.out());
        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.contains("- `sse async`: messages\\_lost changed from 0 to 1"), md);
        assertTrue(md.contains("| `latency_p99_ms` | 10 | 400 | +390 (+3900.0%) | &lt;= 110 (+100% or +100ms) |"
                + " **REGRESSION** |"), md);

        Document junit = xml(out.resolve("compare-junit.xml"));
        Element root = junit.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("2", root.getAttribute("failures"));
        NodeList failures = junit.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        List<String> failed = Stream.of(0, 1).map(i -> ((Element) failures.item(i).getParentNode()))
                .map(tc -> tc.getAttribute("classname") + "/" + tc.getAttribute("name")).toList();
        assertEquals(List.of("compare.sse async/messages_lost",
                "compare.sse async/latency_p99_ms"), failed);
        int testcases = junit.getElementsByTagName("testcase").getLength();
        assertEquals(Integer.parseInt(root.getAttribute("tests")), testcases);
        assertEquals(3, junit.getElementsByTagName("testsuite").getLength(), "one suite per run");
    }

    @Test
    void exactMetricOffByOneFails() throws Exception {
        Path tolerances = Files.writeString(dir.resolve("t.yaml"), """
                rules:
                  - when: {transport: short-poll, max_keep_alive_requests: 10}
                    metrics: {closes_keepalive_limit: exact}
                """);
        Path base = Summaries.write(dir.resolve("b.csv"), Summaries.csv(
                Summaries.run("short-poll", "max_keep_alive_requests", "10", "closes_keepalive_limit", "10")));
        Path cur = Summaries.write(dir.resolve("c.csv"), Summaries.csv(
                Summaries.run("short-poll", "max_keep_alive_requests", "10", "closes_keepalive_limit", "11")));
        CompareCli strict = CompareCli.run("--baseline", base.toString(), "--current", cur.toString(),
                "--tolerances", tolerances.toString());
        assertEquals(1, strict.exit(), strict.out());
        assertTrue(strict.out().lines().anyMatch(l -> l.startsWith("closes_keepalive_limit ") && l.contains("= 10")
                && l.endsWith("REGRESSION")), strict.out());
        CompareCli banded = CompareCli.run("--baseline", base.toString(), "--current", cur.toString());
        assertEquals(0, banded.exit(), "the default ±25% or ±2 lets 10 -> 11 pass: " + banded.out());
    }

    @Test
    void failedCurrentRunFailsItsStatusTestCase() throws Exception {
        Path out = dir.resolve("out");
        CompareCli r = CompareCli.run("--baseline", baseline().toString(), "--current",
                current("status", "failed").toString(), "--out", out.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("status: FAILED: the current run ended 'failed'"), r.out());
        Element failure = (Element) xml(out.resolve("compare-junit.xml")).getElementsByTagName("failure").item(0);
        assertEquals("status", ((Element) failure.getParentNode()).getAttribute("name"));
    }

    @Test
    void baselineRunMissingFromCurrentFailsUnlessAllowed() throws Exception {
        Path cur = Summaries.write(dir.resolve("current/summary.csv"), Summaries.csv(Summaries.run("sse"),
                Summaries.run("long-poll")));
        CompareCli r = CompareCli.run("--baseline", baseline().toString(), "--current", cur.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("unmatched: baseline run 'short-poll async max_keep_alive_requests=10' has no"
                + " current run: FAILED"), r.out());
        assertTrue(r.out().contains("unmatched: current run 'long-poll async' has no"
                + " baseline run: not compared"), r.out());
        Document junit = xml(dir.resolve("current/compare-junit.xml"));
        assertEquals("2", junit.getDocumentElement().getAttribute("failures"));

        CompareCli allowed = CompareCli.run("--baseline", baseline().toString(), "--current", cur.toString(),
                "--allow-missing");
        assertEquals(0, allowed.exit(), allowed.out());
        assertTrue(allowed.out().contains("(allowed by --allow-missing)"), allowed.out());
    }

    @Test
    void reportsAreReplacedWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("compare.md"), "old");
        assertEquals(0, CompareCli.run("--baseline", baseline().toString(), "--current", current().toString(),
                "--out", out.toString()).exit());
        assertTrue(Files.readString(out.resolve("compare.md")).startsWith("# harness compare"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("compare-junit.xml", "compare.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing file|nope.csv|NOPE: does not exist; give the summary.csv of a run",
        "empty file|empty.csv|EMPTY: is empty (no header line); the file is damaged",
        "blank lines only|blank-lines.csv|: is empty (no header line)",
        "header without runs|header-only.csv|: has a header but no rows",
        "truncated last line|truncated.csv| line 3: has 16 fields but the header has 35 (the file looks truncated)",
        "quote left open|open-quote.csv|: is not valid CSV (",
        "missing column|no-handler-column.csv| line 1: has no column 'handler'; the file is damaged",
        "not a number|not-a-number.csv| line 2: column latency_p99_ms is 'fast', not a number",
        "another results file|timeseries.csv| line 1: has no column 'transport'",
        "no header|no-header.csv| line 1: has no column 'transport'"})
    void badCurrentInputExitsTwoWithOneLineAndWritesNothing(String name, String file, String expected)
            throws Exception {
        Path input = file.equals("nope.csv") ? dir.resolve("nope.csv") : RunTableTest.fixture(file);
        Path out = dir.resolve("out");
        CompareCli r = CompareCli.run("--baseline", baseline().toString(), "--current", input.toString(),
                "--out", out.toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        String message = expected.replace("NOPE", input.toString()).replace("EMPTY", input.toString());
        assertTrue(lines.get(0).startsWith("harness: " + input), lines.get(0));
        assertTrue(lines.get(0).contains(message), lines.get(0));
        assertFalse(Files.exists(out), "nothing written on bad input");
    }

    @Test
    void badBaselineAndBadToleranceFileAreNamedAsSuch() throws Exception {
        CompareCli badBaseline = CompareCli.run("--baseline", RunTableTest.fixture("empty.csv").toString(),
                "--current", current().toString());
        assertEquals(2, badBaseline.exit());
        assertTrue(badBaseline.err().startsWith("harness: " + RunTableTest.fixture("empty.csv") + ": is empty"),
                badBaseline.err());

        Path tolerances = Files.writeString(dir.resolve("t.yaml"), "metrics:\n  latency_p95_ms: +10%\n");
        CompareCli badTolerances = CompareCli.run("--baseline", baseline().toString(), "--current",
                current().toString(), "--tolerances", tolerances.toString());
        assertEquals(2, badTolerances.exit());
        assertEquals("harness: tolerance file " + tolerances + " line 2: unknown metric 'latency_p95_ms': use a"
                + " summary.csv column named in the shipped default-tolerances.yaml (did you mean latency_p90_ms?)\n",
                badTolerances.err());
        assertFalse(Files.exists(dir.resolve("current/compare.md")));
    }

    @Test
    void inputsOfDifferentScenariosExitTwo() throws Exception {
        Path other = Summaries.write(dir.resolve("other.csv"), Summaries.csv(Summaries.run("sse", "sessions", "999")));
        CompareCli r = CompareCli.run("--baseline", baseline().toString(), "--current", other.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("has the configuration of a run of baseline"), r.err());
    }

    @Test
    void missingBaselineOptionExitsTwo() throws Exception {
        CompareCli r = CompareCli.run("--current", current().toString());
        assertEquals(2, r.exit());
        assertEquals("harness: --baseline is missing: write harness compare --baseline FILE --current FILE"
                + " (see 'harness compare --help')\n", r.err());
    }

    @Test
    void mediansWritesOneRowPerConfigurationThatCompareReadsBack() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Summaries.write(dir.resolve("runs/r" + i + "-sse/summary.csv"), Summaries.csv(
                    Summaries.run("sse", "run_id", "r" + i, "latency_p99_ms", Integer.toString(10 * i))));
            Summaries.write(dir.resolve("runs/r" + i + "-ws/summary.csv"), Summaries.csv(
                    Summaries.run("ws", "run_id", "w" + i, "messages_received", Integer.toString(1000 + i))));
        }
        Path medians = dir.resolve("medians/summary.csv");
        CompareCli r = CompareCli.run("medians", "--out", medians.toString(), dir.resolve("runs").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("medians: 6 runs of 2 configurations -> " + medians + "\n", r.out());
        RunTable table = RunTable.read(medians);
        assertEquals(2, table.rows().size());
        assertEquals("20", table.rows().get(0).cell("latency_p99_ms"));
        assertEquals("1002", table.rows().get(1).cell("messages_received"));
        assertEquals("3", table.rows().get(1).cell("repeats"));
        assertEquals("r1", table.rows().get(0).cell("run_id"));
        CompareCli self = CompareCli.run("--baseline", medians.toString(), "--current", dir.resolve("runs").toString(),
                "--out", dir.resolve("self").toString());
        assertEquals(0, self.exit(), self.out());
    }

    @Test
    void mediansRefusesAFolderAsItsOutputFile() throws Exception {
        Path runs = Summaries.write(dir.resolve("runs/r1/summary.csv"), Summaries.csv(Summaries.run("sse"))).getParent();
        CompareCli r = CompareCli.run("medians", "--out", dir.toString(), runs.toString());
        assertEquals(2, r.exit());
        assertEquals("harness: --out " + dir + " is a folder: give the file to write, e.g. " + dir.resolve("summary.csv")
                + "\n", r.err());
    }
}
