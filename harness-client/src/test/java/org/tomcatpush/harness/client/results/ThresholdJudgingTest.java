package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.load.RunLoader;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.thresholds.RunThresholds;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.client.thresholds.ThresholdCheck;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;
import org.tomcatpush.harness.client.thresholds.ThresholdsXml;

/**
 * Thresholds judged on the cells summary.csv holds for a fixture run (10 sessions per transport:
 * latency p99 4 ms, 50 messages and 3 errors per transport, no poll response time), per transport
 * and unprefixed; and how a judged result is written: its status, run.json and thresholds.xml.
 */
class ThresholdJudgingTest {

    @TempDir
    Path dir;

    private static List<ThresholdOutcome> judge(RunResult result, String... expressions) {
        List<Threshold> thresholds = Threshold.parseAll(List.of(expressions), SummaryCsv.header());
        return ThresholdCheck.evaluate(thresholds, SummaryCsv.cells(result).stream().map(SummaryRow::new).toList());
    }

    private static List<String> lines(List<ThresholdOutcome> outcomes) {
        return outcomes.stream().map(ThresholdOutcome::line).toList();
    }

    @Test
    void anUnprefixedThresholdIsJudgedOnEveryRowOfAMix() throws Exception {
        RunResult mixed = ResultFixtures.result("sse=1,ws=1", RunStatus.COMPLETED);

        assertEquals(List.of("threshold passed: sse latency_p99_ms<5 (was 4)",
                "threshold passed: ws latency_p99_ms<5 (was 4)", "threshold passed: all latency_p99_ms<5 (was 4)"),
                lines(judge(mixed, "latency_p99_ms<5")));
        assertEquals(List.of("threshold passed: sse errors<6 (was 3)",
                "threshold passed: ws errors<6 (was 3)", "threshold breached: all errors<6 (was 6)"),
                lines(judge(mixed, "errors<6")));
    }

    @Test
    void aPrefixedThresholdIsJudgedOnItsTransportsRowOnly() throws Exception {
        RunResult mixed = ResultFixtures.result("sse=1,ws=1", RunStatus.COMPLETED);

        assertEquals(List.of("threshold breached: sse messages_received>50 (was 50)",
                "threshold passed: ws errors==3 (was 3)", "threshold passed: all messages_received==100 (was 100)"),
                lines(judge(mixed, "sse:messages_received>50", "ws:errors==3", "all:messages_received==100")));
        assertEquals(List.of(), judge(mixed, "long-poll:errors==0"), "the run has no long-poll row");
    }

    @Test
    void allInASingleTransportRunIsItsOnlyRow() throws Exception {
        RunResult single = ResultFixtures.result("sse", RunStatus.COMPLETED);

        assertEquals(List.of("threshold passed: sse latency_p99_ms<=4 (was 4)"),
                lines(judge(single, "all:latency_p99_ms<=4")));
    }

    @Test
    void anEmptyCellIsABreachWithNoValue() throws Exception {
        RunResult single = ResultFixtures.result("sse", RunStatus.COMPLETED);
        assertEquals("", SummaryCsv.cells(single).get(0).get("response_time_p99_ms"), "the fixture has no polls");

        List<ThresholdOutcome> outcomes = judge(single, "response_time_p99_ms<1000", "response_time_p99_ms>=0");

        assertEquals(List.of("threshold breached: sse response_time_p99_ms<1000 (no value)",
                "threshold breached: sse response_time_p99_ms>=0 (no value)"), lines(outcomes));
    }

    @Test
    void aBreachTurnsACompletedRunIntoThresholdsBreachedButAFailedRunStaysFailed() throws Exception {
        RunResult completed = ResultFixtures.result("sse", RunStatus.COMPLETED);
        RunResult failed = ResultFixtures.result("sse", RunStatus.FAILED);

        assertEquals(RunStatus.THRESHOLDS_BREACHED, completed.withThresholdOutcomes(judge(completed, "errors==0"))
                .status());
        assertEquals(RunStatus.COMPLETED, completed.withThresholdOutcomes(judge(completed, "errors==3")).status());
        assertEquals(RunStatus.FAILED, failed.withThresholdOutcomes(judge(failed, "errors==0")).status());
    }

    @Test
    void aJudgedRunWritesItsStatusOutcomesAndJUnitXml() throws Exception {
        RunResult judged = judgedMix();

        ResultsFolder folder = ResultsFolder.begin(dir, "judged");
        Path committed = ResultsWriter.writeAndCommit(judged, folder);

        String csv = Files.readString(committed.resolve(SummaryCsv.FILE_NAME));
        assertEquals(3, csv.lines().filter(l -> l.contains(",thresholds-breached,")).count(), csv);
        JsonNode json = new ObjectMapper().readTree(committed.resolve(RunJson.FILE_NAME).toFile());
        assertEquals("thresholds-breached", json.path("status").asText());
        assertEquals("[\"sse:errors<3\",\"latency_p99_ms<5\",\"long-poll:errors==0\"]",
                json.path("thresholds").toString());
        assertEquals(4, json.path("thresholdOutcomes").size());
        JsonNode first = json.path("thresholdOutcomes").get(0);
        assertEquals("sse:errors<3", first.path("threshold").asText());
        assertEquals("sse", first.path("row").asText());
        assertEquals(3.0, first.path("observed").asDouble());
        assertTrue(first.path("breached").asBoolean());
        assertFalse(json.path("thresholdOutcomes").get(1).path("breached").asBoolean());
        assertEquals(ThresholdsXml.FILE_NAME, json.path("files").path("thresholds").asText());

        String xml = Files.readString(committed.resolve(ThresholdsXml.FILE_NAME));
        assertTrue(xml.contains("<testsuites name=\"harness thresholds\" tests=\"5\" failures=\"1\" errors=\"0\""
                + " skipped=\"1\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"thresholds." + judged.runId() + "\" name=\"sse errors&lt;3\""
                + " time=\"0\"><failure message=\"threshold breached: sse errors&lt;3 (was 3)\" type=\"threshold\">"
                + "--threshold sse:errors&lt;3</failure></testcase>"), xml);
        assertTrue(xml.contains("name=\"all latency_p99_ms&lt;5\" time=\"0\"><system-out>all latency_p99_ms&lt;5"
                + " (was 4)</system-out>"), xml);
        assertTrue(xml.contains("name=\"long-poll:errors==0\" time=\"0\"><skipped message=\"the run has no long-poll"
                + " row\"/>"), xml);
    }

    @Test
    void aRunWithoutThresholdsWritesNoJUnitXml() throws Exception {
        Path committed = ResultsWriter.writeAndCommit(ResultFixtures.result("sse", RunStatus.COMPLETED),
                ResultsFolder.begin(dir, "plain"));

        assertFalse(Files.exists(committed.resolve(ThresholdsXml.FILE_NAME)));
        assertEquals("[]", new ObjectMapper().readTree(committed.resolve(RunJson.FILE_NAME).toFile())
                .path("thresholds").toString());
    }

    @Test
    void theReportShowsTheOutcomesTheRunPrintedReadBackFromRunJson() throws Exception {
        RunResult judged = judgedMix();
        Path committed = ResultsWriter.writeAndCommit(judged, ResultsFolder.begin(dir, "judged"));

        RunThresholds shown = RunThresholds.of(RunLoader.load(committed));

        assertEquals(List.of("threshold breached: sse errors<3 (was 3)", "threshold passed: sse latency_p99_ms<5 (was 4)",
                "threshold passed: ws latency_p99_ms<5 (was 4)", "threshold passed: all latency_p99_ms<5 (was 4)"),
                lines(judged.thresholdOutcomes()), "what the CLI prints");
        assertEquals(lines(judged.thresholdOutcomes()), lines(shown.outcomes()));
        assertEquals(List.of(), shown.problems());
        assertTrue(shown.recorded());
    }

    /** A mixed sse and ws run judged on {@code sse:errors<3}, {@code latency_p99_ms<5}, {@code long-poll:errors==0}. */
    private static RunResult judgedMix() throws Exception {
        RunResult plain = ResultFixtures.result("sse=1,ws=1", RunStatus.COMPLETED);
        List<Threshold> thresholds = Threshold.parseAll(List.of("sse:errors<3", "latency_p99_ms<5",
                "long-poll:errors==0"), SummaryCsv.header());
        RunResult withThresholds = new RunResult(plain.runId(), plain.status(), plain.failure(), plain.setup(),
                plain.environment(), plain.startedAt(), plain.endedAt(), plain.transports(), plain.all(),
                plain.finalServerStats(), plain.timeseries(), plain.serverSamples(), plain.statsFailures(), thresholds,
                List.of());
        return withThresholds.withThresholdOutcomes(ThresholdCheck.evaluate(thresholds,
                SummaryCsv.cells(withThresholds).stream().map(SummaryRow::new).toList()));
    }
}
