package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.judge.Outcome;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * The figure that decided each kind of verdict, computed from the verdict's own criteria, and the
 * one-page table of the summary (Markdown and HTML alike) that shows it with a link to the sweep's
 * report.
 */
@Timeout(30)
class DecidingFigureTest {

    @TempDir
    Path dir;

    private static final String E5_JUDGED = "maxConnections 20 acceptCount 1: peak 20 of 20 (+1 more met)"
            + " | maxConnections 20 acceptCount 1: 625 timed out, 0 refused (+1 more met)"
            + " | maxConnections 20 acceptCount 1: 2 established, not accepted (+1 more met)"
            + " | maxConnections 20 acceptCount 1 -> 100: 625 -> 127 failures";
    private static final String E5_NOT_JUDGED = "the figures across maxConnections are not judged";

    @Test
    void supportedShowsEachCriterionsFirstCheckAndHowManyMoreWereMet() throws Exception {
        Verdict v = new IdleTimeoutExperiment().evaluate(FixtureSweeps.load("e7", dir));

        assertEquals(Support.SUPPORTED, v.support());
        assertEquals(new DecidingFigure("all 3 criteria met", "interval 2000 ms: 100 connections for 100 requests"
                + " (+1 more met) | interval 2000 ms: 90 idle + 10 client of 100 (+1 more met) | interval 500 ms:"
                + " mean 38.5 requests per connection, 0 idle closes", List.of()), DecidingFigure.of(v));
    }

    @Test
    void supportedByOneCriterionNamesIt() {
        Criterion only = new Criterion.Builder("every stream is one request").check("sse", Outcome.HOLDS, "1 of 1")
                .build();
        Verdict v = Verdict.of(new SseTimeoutExperiment(), new MeasuredTable(List.of(), List.of()), List.of(only),
                List.of());

        assertEquals("met: every stream is one request: sse: 1 of 1", DecidingFigure.of(v).text());
    }

    @Test
    void notSupportedShowsTheFirstCriterionNotMetAndOnlyItsFailingCheck() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e4", dir), 8, "queue_length_max", "0");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals(new DecidingFigure("not met: and further requests wait in the executor queue (queue peak > 0)",
                "sse 40 sessions: queue peak 0", List.of()), DecidingFigure.of(v));
    }

    @Test
    void notSupportedWithTwoCriteriaNotMetShowsTheFirst() {
        Criterion met = new Criterion.Builder("first").check("a", Outcome.HOLDS, "1").build();
        Criterion second = new Criterion.Builder("second").check("a", Outcome.HOLDS, "2")
                .check("b", Outcome.FAILS, "3").build();
        Criterion third = new Criterion.Builder("third").check("a", Outcome.FAILS, "4").build();
        Verdict v = Verdict.of(new SseTimeoutExperiment(), new MeasuredTable(List.of(), List.of()),
                List.of(met, second, third), List.of());

        assertEquals("not met: second: b: 3", DecidingFigure.of(v).text());
    }

    @Test
    void aSupportSetWithoutTheCriterionThatDecidesItStillGivesAFigure() {
        Criterion met = new Criterion.Builder("first").check("a", Outcome.HOLDS, "1").build();
        Verdict v = new Verdict(new SseTimeoutExperiment(), new MeasuredTable(List.of(), List.of()), List.of(met),
                List.of("the second half contradicts it"), Support.NOT_SUPPORTED);

        assertEquals("not supported (no deciding criterion): the second half contradicts it",
                DecidingFigure.of(v).text());
    }

    @Test
    void inconclusiveShowsTheFirstCriterionWithoutDataAndWhatItLacks() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e4", dir), 8, "queue_length_max", "");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(new DecidingFigure("no data: and further requests wait in the executor queue (queue peak > 0)",
                "sse 40 sessions: queue peak n/a", List.of()), DecidingFigure.of(v));
    }

    @Test
    void inconclusiveForWantOfARunSaysSo() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 1, "status", "failed");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertEquals("no data: without a timeout, one request serves each session for the whole run: requests ="
                + " sessions, every session opened, no stream ended while the run went on and no reconnect: no"
                + " completed run of this kind in the sweep", DecidingFigure.of(v).text());
    }

    @Test
    void inconclusiveWhenTheSweepDidNotRunGivesTheReason() {
        ExperimentResult r = ExperimentsSummary.notRun(new SseTimeoutExperiment(),
                "exit status 1: harness: the server did not start");

        assertEquals(Support.INCONCLUSIVE, r.verdict().support());
        assertEquals("nothing judged: the sweep did not run or left no folder: exit status 1: harness: the server"
                + " did not start", DecidingFigure.of(r.verdict()).text());
        assertEquals("nothing judged: the sweep did not run or left no folder",
                DecidingFigure.of(ExperimentsSummary.notRun(new SseTimeoutExperiment()).verdict()).text());
    }

    @Test
    void partlyJudgedShowsWhatWasJudgedAndThePartsNotJudged() throws Exception {
        Verdict v = new ConnectBacklogExperiment().evaluate(FixtureSweeps.load("e5", dir));

        assertEquals(Support.PARTLY_JUDGED, v.support());
        assertEquals(new DecidingFigure("all 4 criteria met", E5_JUDGED, List.of(E5_NOT_JUDGED)), DecidingFigure.of(v));
    }

    @Test
    void theTopTableShowsClaimVerdictDecidingFigureAndLinksTheSweepReport() throws Exception {
        Verdict e5 = new ConnectBacklogExperiment().evaluate(FixtureSweeps.load("e5", dir));
        List<ExperimentResult> results = List.of(new ExperimentResult(e5, "../20260101-120000-sweep-e5", ""),
                ExperimentsSummary.notRun(new SseTimeoutExperiment(), "exit status 1"));
        SummaryContext context = new SummaryContext("scripts/experiments.sh", Instant.EPOCH, "test",
                Optional.of(Duration.ofSeconds(754)));

        String md = ExperimentsMarkdown.render(context, results);
        String html = ExperimentsPage.build(context, results).render();

        assertTrue(md.contains("- wall time: 13m for the sweeps (754 s)\n"), md);
        assertTrue(md.contains("| id | claim | verdict | the figure that decided it | sweep report |\n"
                + "|---|---|---|---|---|\n"
                + "| E5 | maxConnections and the accept queue | **partly judged** | *all 4 criteria met:* "
                + E5_JUDGED.replace("|", "\\|") + "; *not judged:* " + E5_NOT_JUDGED
                + " | [report](../20260101-120000-sweep-e5/report.html) |\n"
                + "| E2 | SSE server timeout, reconnects and the keep-alive limit | **inconclusive** | *nothing judged:*"
                + " the sweep did not run or left no folder: exit status 1 | not run |\n"), md);
        assertTrue(html.contains("<tr><th scope=\"row\"><a href=\"#e5\">E5</a></th><td>maxConnections and the"
                + " accept queue</td><td class=\"support partly-judged\">partly judged</td><td><span class=\"basis\">"
                + "all 4 criteria met:</span> " + E5_JUDGED.replace("->", "-&gt;") + "<br><span class=\"basis\">not"
                + " judged:</span> " + E5_NOT_JUDGED + "</td><td><a href=\"../20260101-120000-sweep-e5/report.html\">"
                + "report</a></td></tr>"), html);
        assertTrue(html.contains("<td class=\"support inconclusive\">inconclusive</td><td><span class=\"basis\">"
                + "nothing judged:</span> the sweep did not run or left no folder: exit status 1</td><td>not run</td>"),
                html);
        assertTrue(html.contains("<tr><th scope=\"row\">wall time</th><td>13m for the sweeps (754 s)</td></tr>"), html);
        assertTrue(html.contains("<section id=\"e5\">"), "the id links to the experiment's own section");
        assertTrue(html.indexOf("<table class=\"claims\">") < html.indexOf("<table class=\"properties\">"),
                "the claims come first, so that they read in one screen");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("href=\"/"),
                "self-contained: every link is relative");
    }
}
