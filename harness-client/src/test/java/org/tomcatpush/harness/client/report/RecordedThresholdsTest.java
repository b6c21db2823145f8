package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.findings.Severity;
import org.tomcatpush.harness.client.report.findings.ThresholdRule;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.report.load.RunLoader;

/**
 * The report shows the threshold outcomes {@code harness run} judged and recorded in run.json,
 * the ones the CLI printed and thresholds.xml holds: it never judges a threshold again from
 * summary.csv. The poll fixture's summary.csv has latency_p99_ms 198.5, so a recorded breach of
 * {@code latency_p99_ms<500} could only come from run.json.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordedThresholdsTest {

    @TempDir
    Path tmp;

    private Path run(String thresholdKeys) throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run"));
        FixtureRuns.replace(run.resolve("run.json"), "\"status\": \"completed\",", thresholdKeys);
        return run;
    }

    private static String verdict(String html) {
        int start = html.indexOf("<div class=\"verdict");
        return html.substring(start, html.indexOf("</div>", start));
    }

    @Test
    void aRecordedBreachGivesTheBreachedFindingAndTheRedVerdictThoughTheSummaryWouldPass() throws Exception {
        Path run = run("\"status\": \"thresholds-breached\", \"thresholds\": [\"latency_p99_ms<500\"],"
                + " \"thresholdOutcomes\": [{\"threshold\": \"latency_p99_ms<500\", \"row\": \"short-poll\","
                + " \"condition\": \"latency_p99_ms<500\", \"observed\": 612.25, \"breached\": true}],");

        List<Finding> findings = new ThresholdRule().evaluate(RunLoader.load(run));
        String html = Files.readString(RunReport.write(run));

        assertEquals(List.of(Finding.warning("threshold breached: short-poll latency_p99_ms<500 (was 612.25)")),
                findings);
        String verdict = verdict(html);
        assertTrue(verdict.startsWith("<div class=\"verdict bad\" id=\"verdict\">"), verdict);
        assertTrue(verdict.contains("<span>thresholds: 0 passed, 1 breached</span>"), verdict);
        assertTrue(verdict.contains("<span class=\"breached\">breached: short-poll latency_p99_ms&lt;500 (was 612.25)"
                + "</span>"), verdict);
        assertTrue(html.contains("<h3>Thresholds: breached</h3>"), "the threshold table");
    }

    @Test
    void aRunJsonWithNoThresholdsGivesNoThresholdFinding() throws Exception {
        Path run = run("\"status\": \"completed\", \"thresholds\": [], \"thresholdOutcomes\": [],");

        List<Finding> findings = new ThresholdRule().evaluate(RunLoader.load(run));
        String html = Files.readString(RunReport.write(run));

        assertEquals(List.of(), findings);
        assertFalse(verdict(html).contains("threshold"), verdict(html));
        assertFalse(html.contains("<h3>Thresholds"), "no threshold table");
    }

    @Test
    void thresholdsWithoutRecordedOutcomesAreSaidNotRecordedAndNotJudgedAgain() throws Exception {
        Path run = run("\"status\": \"completed\", \"thresholds\": [\"latency_p99_ms<100\", \"errors==0\"],");

        List<Finding> findings = new ThresholdRule().evaluate(RunLoader.load(run));
        String html = Files.readString(RunReport.write(run));

        assertEquals(List.of(new Finding(Severity.WARNING, "thresholds not recorded: run.json lists"
                + " latency_p99_ms<100, errors==0 but not how they came out (an older run.json); the report does not"
                + " judge them again: run it again to see them judged")), findings);
        String verdict = verdict(html);
        assertTrue(verdict.contains("<span>thresholds: not recorded</span>"), verdict);
        assertFalse(verdict.contains("breached"), "198.5 is above 100, but nothing is judged again: " + verdict);
        assertTrue(html.contains("<h3>Thresholds: not recorded</h3>"), "said where the table would be");
    }

    @Test
    void aDamagedOutcomeIsRefusedNamingRunJsonAndTheEntry() throws Exception {
        Path run = run("\"status\": \"completed\", \"thresholds\": [\"errors==0\"],"
                + " \"thresholdOutcomes\": [{\"threshold\": \"errors==0\", \"row\": \"short-poll\"}],");

        ResultsInputException e = assertThrows(ResultsInputException.class, () -> RunLoader.load(run));

        assertTrue(e.getMessage().startsWith(run.resolve("run.json") + ": thresholdOutcomes[0] lacks its threshold, row,"
                + " observed or breached;"), e.getMessage());
    }
}
