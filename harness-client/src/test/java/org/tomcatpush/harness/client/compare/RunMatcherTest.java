package org.tomcatpush.harness.client.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.report.model.SummaryRow;

/** Runs are paired by configuration only; what has no partner is listed; repeats become medians. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RunMatcherTest {

    private final ToleranceSet defaults = ToleranceFile.defaults();

    @Test
    void runsArePairedByConfigurationNotByRunIdOrOrder() {
        RunTable baseline = Summaries.table("b", Summaries.run("sse", "run_id", "x1"),
                Summaries.run("ws", "run_id", "x2"));
        RunTable current = Summaries.table("c", Summaries.run("ws", "run_id", "y1", "latency_p50_ms", "3"),
                Summaries.run("sse", "run_id", "y2"));
        RunMatcher.Matching m = RunMatcher.match(baseline, current, defaults, w -> { });
        assertEquals(2, m.pairs().size());
        assertEquals("x1", m.pairs().get(0).baseline().cell("run_id"));
        assertEquals("y2", m.pairs().get(0).current().cell("run_id"));
        assertEquals("y1", m.pairs().get(1).current().cell("run_id"));
        assertTrue(m.onlyBaseline().isEmpty() && m.onlyCurrent().isEmpty());
    }

    @Test
    void differentSettingOnOneSideLeavesBothRunsUnmatchedAndListed() {
        RunTable baseline = Summaries.table("b", Summaries.run("sse"), Summaries.run("ws"));
        RunTable current = Summaries.table("c", Summaries.run("sse"), Summaries.run("ws", "max_threads", "8"));
        RunMatcher.Matching m = RunMatcher.match(baseline, current, defaults, w -> { });
        assertEquals(1, m.pairs().size());
        assertEquals("200", m.onlyBaseline().get(0).run().cell("max_threads"));
        assertEquals("8", m.onlyCurrent().get(0).run().cell("max_threads"));
        assertEquals("ws async", m.onlyBaseline().get(0).key().label(m.allKeys()));
        assertEquals("ws async max_threads=8", m.onlyCurrent().get(0).key().label(m.allKeys()));
    }

    @Test
    void numbersWrittenDifferentlyAreTheSameSetting() {
        RunTable baseline = Summaries.table("b", Summaries.run("sse", "duration_s", "10"));
        RunTable current = Summaries.table("c", Summaries.run("sse", "duration_s", "10.0"));
        assertEquals(1, RunMatcher.match(baseline, current, defaults, w -> { }).pairs().size());
    }

    @Test
    void settingOnlyOneSideHasIsNotUsedAndSaidSo() {
        RunTable baseline = Summaries.table("b", Summaries.run("sse"));
        RunTable current = Summaries.table("c", Summaries.run("sse", "publish_rate", "5"));
        RunMatcher.Matching m = RunMatcher.match(baseline, current, defaults, w -> { });
        assertEquals(1, m.pairs().size());
        assertEquals(List.of("configuration column publish_rate is only in the current input: runs are matched"
                + " without it"), m.notes());
    }

    @Test
    void repeatsOfOneConfigurationAreReducedToTheirMedian() {
        RunTable current = Summaries.table("c",
                Summaries.run("sse", "latency_p99_ms", "10", "messages_received", "900"),
                Summaries.run("sse", "latency_p99_ms", "90", "messages_received", "1000"),
                Summaries.run("sse", "latency_p99_ms", "12", "messages_received", "950"));
        RunMatcher.Matching m = RunMatcher.match(Summaries.table("b", Summaries.run("sse")), current, defaults,
                w -> { });
        SummaryRow reduced = m.pairs().get(0).current();
        assertEquals("12", reduced.cell("latency_p99_ms"));
        assertEquals("950", reduced.cell("messages_received"));
        assertEquals("3", reduced.cell(RepeatReducer.REPEATS));
    }

    @Test
    void repeatsOfAnExactMetricKeepTheOddOneOutAndWarn() {
        RunTable current = Summaries.table("c", Summaries.run("sse", "messages_lost", "0"),
                Summaries.run("sse", "messages_lost", "2"), Summaries.run("sse", "messages_lost", "0"),
                Summaries.run("sse", "errors", "0"), Summaries.run("sse", "errors", "4"));
        List<String> warnings = new ArrayList<>();
        RunMatcher.Matching m = RunMatcher.match(Summaries.table("b", Summaries.run("sse")), current, defaults,
                warnings::add);
        SummaryRow reduced = m.pairs().get(0).current();
        assertEquals("2", reduced.cell("messages_lost"), "the median 0 would hide the lost messages");
        assertEquals("4", reduced.cell("errors"), "+0 keeps the highest");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("messages_lost differs between repeats (0, 2, 0, 0, 0)"), warnings.get(0));
    }

    @Test
    void failedRepeatIsLeftOutOfTheFiguresButFailsTheStatus() {
        RunTable current = Summaries.table("c", Summaries.run("sse", "latency_p99_ms", "10"),
                Summaries.run("sse", "latency_p99_ms", "5000", "status", "failed"),
                Summaries.run("sse", "latency_p99_ms", "20"));
        SummaryRow reduced = RunMatcher.match(Summaries.table("b", Summaries.run("sse")), current, defaults, w -> { })
                .pairs().get(0).current();
        assertEquals("15", reduced.cell("latency_p99_ms"));
        assertEquals("failed", reduced.cell("status"));
    }

    @Test
    void ignoredTextColumnOfRepeatsKeepsTheFirstValue() {
        RunTable current = Summaries.table("c", Summaries.run("sse", "busy_metric", "executor-active"),
                Summaries.run("sse", "busy_metric", "executor-active"));
        SummaryRow reduced = RunMatcher.match(Summaries.table("b", Summaries.run("sse")), current, defaults, w -> { })
                .pairs().get(0).current();
        assertEquals("executor-active", reduced.cell("busy_metric"));
    }

    @Test
    void labelNamesOnlyTheSettingsWhereARunDiffersFromMostRuns() {
        RunTable runs = Summaries.table("b", Summaries.run("sse", "max_threads", "8", "handler", "blocking"),
                Summaries.run("sse", "max_threads", "8"), Summaries.run("sse", "max_keep_alive_requests", "3"),
                Summaries.run("ws"), Summaries.run("long-poll", "sessions", "50"));
        RunMatcher.Matching m = RunMatcher.match(runs, runs, defaults, w -> { });
        assertEquals(List.of("sse blocking max_threads=8", "sse async max_threads=8",
                "sse async max_keep_alive_requests=3", "ws async", "long-poll async sessions=50"),
                m.pairs().stream().map(p -> p.key().label(m.allKeys())).toList());
    }

    @Test
    void sweptValueWithoutAColumnOfItsOwnStillSeparatesRuns() {
        java.util.Map<String, String> slow = Summaries.run("sse", "run_index", "1", "swept.sse-heartbeat", "15000",
                "run_folder", "001-sse", "attempts", "1");
        java.util.Map<String, String> fast = Summaries.run("sse", "run_index", "2", "swept.sse-heartbeat", "1000",
                "run_folder", "002-sse", "attempts", "2", "latency_p99_ms", "99");
        RunTable sweep = Summaries.table("sweep.csv", slow, fast);
        RunMatcher.Matching m = RunMatcher.match(sweep, sweep, defaults, w -> { });
        assertEquals(2, m.pairs().size(), "two runs, not two repeats of one");
        assertEquals("sse async swept.sse-heartbeat=1000", m.pairs().get(1).key().label(m.allKeys()));
        CompareResult result = RunComparer.compare(sweep, sweep, defaults, false);
        assertTrue(result.notes().isEmpty(), "sweep bookkeeping columns are known: " + result.notes());
    }
}
