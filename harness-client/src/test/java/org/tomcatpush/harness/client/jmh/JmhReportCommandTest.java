package org.tomcatpush.harness.client.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.cli.JmhReportCommand;

/**
 * {@code harness jmh RESULT.json}: CSV and HTML from a real JMH result file (avgt with and without
 * an error, sample mode with percentiles, throughput), and one-line refusals of bad input.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JmhReportCommandTest {

    private static final String FIXTURE = "/jmh/suite-sample.json";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void csvHasOneRowPerParamCombinationAndAColumnPerParam() throws IOException {
        Path json = fixture("20260101-120000.json");

        assertEquals(0, jmh(json.toString()));

        List<CSVRecord> rows = csv(tmp.resolve("20260101-120000.csv"));
        assertEquals(7, rows.size(), "one row per benchmark and @Param combination");
        List<String> header = rows.get(0).getParser().getHeaderNames();
        assertEquals(JmhCsv.LEADING_COLUMNS, header.subList(0, JmhCsv.LEADING_COLUMNS.size()));
        assertEquals(JmhCsv.TRAILING_COLUMNS, header.subList(header.size() - JmhCsv.TRAILING_COLUMNS.size(), header.size()));
        assertEquals(List.of("param_maxKeepAliveRequests", "param_protocol", "param_subscribers", "param_transport",
                "param_executor", "param_maxThreads", "param_payloadBytes"),
                header.subList(JmhCsv.LEADING_COLUMNS.size(), header.size() - JmhCsv.TRAILING_COLUMNS.size()));

        CSVRecord roundTrip = rows.get(0);
        assertEquals("PollRoundTripBenchmark", roundTrip.get("class"));
        assertEquals("pollRoundTrip", roundTrip.get("method"));
        assertEquals("avgt", roundTrip.get("mode"));
        assertEquals("1", roundTrip.get("param_maxKeepAliveRequests"));
        assertEquals("nio", roundTrip.get("param_protocol"));
        assertEquals("", roundTrip.get("param_transport"), "a parameter the benchmark does not have is empty");
        assertEquals(404174.0877, Double.parseDouble(roundTrip.get("score")), 1e-3);
        assertEquals("", roundTrip.get("score_error"), "JMH's NaN error is an empty cell");
        assertEquals("us/op", roundTrip.get("unit"));
        assertEquals("2", roundTrip.get("iterations"));
        assertEquals("", roundTrip.get("p99"), "no percentiles outside sample mode");
        assertEquals("17.0.15", roundTrip.get("jdk_version"));
        assertEquals("1.37", roundTrip.get("jmh_version"));

        CSVRecord delivery = rows.get(2);
        assertEquals("sample", delivery.get("mode"));
        assertEquals(1244.1258567744674, Double.parseDouble(delivery.get("score_error")), 1e-9);
        assertEquals(Double.parseDouble(delivery.get("score")) - Double.parseDouble(delivery.get("score_error")),
                Double.parseDouble(delivery.get("score_ci_low")), 1e-6);
        assertFalse(delivery.get("p50").isEmpty());
        assertFalse(delivery.get("p999").isEmpty());

        CSVRecord throughput = rows.get(3);
        assertEquals("thrpt", throughput.get("mode"));
        assertEquals("ops/s", throughput.get("unit"));
        assertEquals("platform", throughput.get("param_executor"));
        assertEquals("4", throughput.get("param_maxThreads"));
    }

    @Test
    void htmlHasASectionTableAndErrorBarChartPerBenchmark() throws IOException {
        Path json = fixture("run.json");

        assertEquals(0, jmh(json.toString()));

        String page = Files.readString(tmp.resolve("run.html"), StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        for (String section : List.of("b-PollRoundTripBenchmark-pollRoundTrip", "b-DeliveryLatencyBenchmark-publishToAllSubscribers",
                "b-PollThreadModelBenchmark-pollThroughput", "b-SseEncodingBenchmark-encodeSseEvent")) {
            assertTrue(page.contains("<section id=\"" + section + "\">"), section);
            assertTrue(page.contains("id=\"chart-" + section + "-score\""), "chart of " + section);
        }
        assertTrue(page.contains("maxKeepAliveRequests=1 protocol=nio"), "category per @Param combination");
        assertTrue(page.contains("\"label\":\"99.9% CI low\""), "lower error bar series");
        assertTrue(page.contains("\"label\":\"99.9% CI high\""), "upper error bar series");
        assertTrue(page.contains("<th scope=\"col\">p99</th>"), "percentile columns for sample mode");
        assertFalse(page.contains("src=\"http"), "no external script");
        assertEquals("jmh: 7 results; wrote " + tmp.resolve("run.csv") + " and " + tmp.resolve("run.html"),
                out.toString().strip());
        assertEquals("", err.toString());
    }

    @Test
    void outOptionWritesIntoAnotherFolder() throws IOException {
        Path json = fixture("a.json");
        Path elsewhere = tmp.resolve("reports/jmh");

        assertEquals(0, jmh(json.toString(), "--out", elsewhere.toString()));

        assertTrue(Files.isRegularFile(elsewhere.resolve("a.csv")));
        assertTrue(Files.isRegularFile(elsewhere.resolve("a.html")));
        assertFalse(Files.exists(tmp.resolve("a.csv")));
    }

    @Test
    void missingFileExitsTwoWithOneLineNamingItAndTheFix() {
        Path missing = tmp.resolve("nope.json");

        assertEquals(ExitStatus.BAD_INPUT, jmh(missing.toString()));

        assertOneLine("harness: " + missing + ": does not exist; give the JSON file JMH wrote with -rf json "
                + "(scripts/jmh.sh writes them to results/jmh/)");
    }

    @Test
    void textThatIsNotJsonExitsTwo() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "# Run complete. Total time: 00:01:00\n");

        assertEquals(ExitStatus.BAD_INPUT, jmh(bad.toString()));

        assertTrue(err.toString().startsWith("harness: " + bad + ": is not valid JSON"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void jsonThatIsNotAJmhResultArrayExitsTwo() throws IOException {
        Path object = Files.writeString(tmp.resolve("object.json"), "{\"benchmark\":\"x\"}");
        assertEquals(ExitStatus.BAD_INPUT, jmh(object.toString()));
        assertTrue(err.toString().contains(object + ": is not a JMH result array;"), err.toString());
    }

    @Test
    void entryWithoutPrimaryMetricIsNamedByPosition() throws IOException {
        Path noMetric = Files.writeString(tmp.resolve("m.json"), "[{\"benchmark\":\"a.B.c\",\"mode\":\"avgt\"}]");
        assertEquals(ExitStatus.BAD_INPUT, jmh(noMetric.toString()));
        assertTrue(err.toString().contains(noMetric + ": entry 1: no \"primaryMetric\";"), err.toString());
    }

    @Test
    void emptyResultArraySaysEveryBenchmarkMayHaveFailed() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.json"), "[]");
        assertEquals(ExitStatus.BAD_INPUT, jmh(empty.toString()));
        assertTrue(err.toString().contains("holds no results (did every benchmark fail?)"), err.toString());
    }

    @Test
    void unwritableOutputExitsOne() throws IOException {
        Path json = fixture("b.json");
        Path aFile = Files.writeString(tmp.resolve("not-a-folder"), "x");

        assertEquals(ExitStatus.FAILED, jmh(json.toString(), "--out", aFile.toString()));

        assertTrue(err.toString().startsWith("jmh: cannot write into " + aFile), err.toString());
    }

    private int jmh(String... args) {
        CommandLine cli = new CommandLine(new JmhReportCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private void assertOneLine(String expected) {
        assertEquals(expected, err.toString().strip());
    }

    private Path fixture(String name) throws IOException {
        Path target = tmp.resolve(name);
        try (InputStream in = JmhReportCommandTest.class.getResourceAsStream(FIXTURE)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
