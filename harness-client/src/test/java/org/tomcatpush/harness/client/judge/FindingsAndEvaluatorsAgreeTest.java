package org.tomcatpush.harness.client.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.findings.KeepAliveLimitRule;
import org.tomcatpush.harness.client.report.findings.ThreadSaturationRule;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.report.sweep.SweepTable;
import org.tomcatpush.harness.client.sweep.experiments.BlockingThreadsExperiment;
import org.tomcatpush.harness.client.sweep.experiments.Criterion;
import org.tomcatpush.harness.client.sweep.experiments.KeepAliveLimitExperiment;
import org.tomcatpush.harness.client.sweep.experiments.Verdict;

/**
 * The same summary row read as a run's report and as a sweep's run: the finding and the
 * evaluator's criterion come to the same judgement, and to none when a figure is missing.
 */
@Timeout(10)
class FindingsAndEvaluatorsAgreeTest {

    private static List<Finding> findings(SummaryRow row, KeepAliveLimitRule rule) {
        return rule.evaluate(new RunData(Path.of("run"), RunInfo.empty(), List.of(row), TimeSeries.empty(), List.of(),
                TimeSeries.empty()));
    }

    private static Verdict e1(SummaryRow row) {
        return new KeepAliveLimitExperiment().evaluate(new SweepTable(Path.of("sweep.csv"), List.of(), List.of(row)));
    }

    /** E1's criterion "every connection the server closed was closed at the keep-alive limit". */
    private static Criterion everyCloseAtTheLimit(SummaryRow row) {
        return e1(row).criteria().get(1);
    }

    @Test
    void atTheLimitTheFindingSaysEveryCloseAndTheCriterionIsMet() {
        SummaryRow row = Rows.row();

        assertEquals(List.of(Finding.note("short-poll: every server close (556) at the keep-alive limit: 5 requests"
                + " per connection as configured")), findings(row, new KeepAliveLimitRule()));
        assertEquals(Criterion.Result.MET, everyCloseAtTheLimit(row).result());
        assertEquals("short-poll L=5: 556 at the limit, 0 otherwise", everyCloseAtTheLimit(row).observed());
    }

    @Test
    void withOneIdleCloseTheFindingCountsAndTheCriterionFails() {
        SummaryRow row = Rows.with("closes_idle_timeout", "1");

        assertEquals(List.of(Finding.note("short-poll: 556 of 557 server closes at the keep-alive limit"
                + " (maxKeepAliveRequests 5)")), findings(row, new KeepAliveLimitRule()));
        assertEquals(Criterion.Result.NOT_MET, everyCloseAtTheLimit(row).result());
        assertEquals("short-poll L=5: 556 at the limit, 1 otherwise (fails)", everyCloseAtTheLimit(row).observed());
    }

    @Test
    void withAMissingCloseCountTheFindingSaysNothingAndTheCriterionHasNoData() {
        SummaryRow row = Rows.with("closes_error", "");

        assertEquals(List.of(), findings(row, new KeepAliveLimitRule()));
        assertEquals(Criterion.Result.NO_DATA, everyCloseAtTheLimit(row).result());
        assertEquals("short-poll L=5: 556 at the limit, n/a otherwise (no data)", everyCloseAtTheLimit(row).observed());
    }

    @Test
    void aSaturatedPoolIsAWarningFindingAndMeetsE4() {
        SummaryRow row = Rows.with("transport", "sse");
        RunData run = new RunData(Path.of("run"), RunInfo.empty(), List.of(row), TimeSeries.empty(), List.of(),
                TimeSeries.empty());

        Verdict e4 = new BlockingThreadsExperiment().evaluate(new SweepTable(Path.of("sweep.csv"), List.of(),
                List.of(row)));

        assertEquals(List.of(Finding.warning("busy threads reached maxThreads (8): requests queued (executor queue"
                + " peaked at 12)")), new ThreadSaturationRule().evaluate(run));
        // the pool's two criteria (saturated, queued); time to first message and virtual threads need other rows
        assertEquals(List.of(Criterion.Result.MET, Criterion.Result.MET),
                e4.criteria().stream().limit(2).map(Criterion::result).toList());
        assertEquals("sse 20 sessions: peak 8 of maxThreads 8", e4.criteria().get(0).observed());
    }
}
