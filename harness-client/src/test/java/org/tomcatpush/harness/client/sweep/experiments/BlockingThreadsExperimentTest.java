package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E4 on the fixture sweep {@code e4}: blocking long polls and SSE streams at 10, 40 and 80
 * sessions against maxThreads 20, on platform and on virtual threads. The fixture matches the
 * claim; one changed figure flips one criterion; missing virtual-thread runs make it inconclusive.
 */
@Timeout(30)
class BlockingThreadsExperimentTest {

    @TempDir
    Path dir;

    private SweepTable e4() throws Exception {
        return FixtureSweeps.load("e4", dir);
    }

    private static Criterion only(Verdict v, Criterion.Result result) {
        List<Criterion> matching = v.criteria().stream().filter(c -> c.result() == result).toList();
        assertEquals(1, matching.size(), "exactly one criterion is " + result.label() + ": " + v.criteria());
        return matching.get(0);
    }

    @Test
    void supportedWhenWaitsGrowPastMaxThreadsAndVirtualThreadsLiftTheLimit() throws Exception {
        Verdict v = new BlockingThreadsExperiment().evaluate(e4());

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        assertTrue(v.unjudged().isEmpty(), "the whole claim is judged");
        assertEquals(4, v.criteria().size());
        assertEquals(12, v.measured().rows().size());
        assertEquals(List.of("sse", "platform", "80", "20", "20", "20", "60", "6000", "6000", "6000", "60", "25"),
                v.measured().rows().get(8));
        assertEquals("long-poll: 10 -> 40 sessions: p99 480 -> 980 ms, waiting 0 -> 0, 40 -> 80 sessions: p99 980 ->"
                + " 1950 ms, waiting 0 -> 0 (p99 up 1470 ms, publish interval 500 ms); sse: 10 -> 40 sessions: p99 480"
                + " -> 6000 ms, waiting 0 -> 20, 40 -> 80 sessions: p99 6000 -> 6000 ms, waiting 20 -> 60 (p99 up"
                + " 5520 ms, publish interval 500 ms)", v.criteria().get(2).observed());
        assertEquals("long-poll 40 sessions: peak 40 of maxThreads 20, 0 waiting; long-poll 80 sessions: peak 80 of"
                + " maxThreads 20, 0 waiting; sse 40 sessions: peak 40 of maxThreads 20, 0 waiting; sse 80 sessions:"
                + " peak 80 of maxThreads 20, 0 waiting", v.criteria().get(3).observed());
        assertTrue(v.notes().contains("sse 80 sessions: time to first message p99 6000 ms (60 still waiting at the"
                + " stop) on platform threads vs 495 ms (0 still waiting at the stop) on virtual threads"),
                v.notes().toString());
    }

    @Test
    void notSupportedWhenTimeToFirstMessageStopsGrowingPastMaxThreads() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 3, "first_message_p99_ms", "900");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        Criterion failed = only(v, Criterion.Result.NOT_MET);
        assertTrue(failed.description().startsWith("past maxThreads, time to first message grows"));
        assertTrue(failed.observed().startsWith("long-poll: 10 -> 40 sessions: p99 480 -> 980 ms, waiting 0 -> 0,"
                + " 40 -> 80 sessions: p99 980 -> 900 ms, waiting 0 -> 0 (p99 up 420 ms, publish interval 500 ms)"
                + " (fails); sse:"), failed.observed());
    }

    @Test
    void sessionsLeftWaitingAtTheStopCountAsGrowthEvenWhenTheP99IsCappedByTheRun() throws Exception {
        // sse 80 sessions: the p99 is the wait until the stop, as at 40; only more sessions wait
        SweepTable sweep = FixtureSweeps.with(e4(), 9, "first_message_censored", "20");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(only(v, Criterion.Result.NOT_MET).observed().endsWith("40 -> 80 sessions: p99 6000 -> 6000 ms,"
                + " waiting 20 -> 20 (p99 up 5520 ms, publish interval 500 ms) (fails)"));
    }

    @Test
    void notSupportedWhenVirtualThreadsStillLeaveSessionsWaiting() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 12, "first_message_censored", "60");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(only(v, Criterion.Result.NOT_MET).observed().endsWith("sse 80 sessions: peak 80 of maxThreads 20,"
                + " 60 waiting (fails)"));
    }

    @Test
    void notSupportedWhenVirtualThreadsRunNoMoreRequestsAtOnceThanMaxThreads() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 6, "busy_threads_max", "20");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(only(v, Criterion.Result.NOT_MET).observed().contains("long-poll 80 sessions: peak 20 of maxThreads"
                + " 20, 0 waiting (fails)"));
    }

    @Test
    void inconclusiveNeverSupportedWithoutTheVirtualThreadRuns() throws Exception {
        String reason = "--server-java newest with --virtual-threads: no Java 21 or later under /usr/lib/jvm";
        SweepTable sweep = e4();
        for (int run : new int[] {4, 5, 6, 10, 11, 12}) {
            sweep = FixtureSweeps.with(FixtureSweeps.with(sweep, run, "status", "not-run"), run, "failure", reason);
        }

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        Criterion noData = only(v, Criterion.Result.NO_DATA);
        assertTrue(noData.description().startsWith("on virtual threads past maxThreads that limit is gone"));
        assertEquals(3, v.criteria().stream().filter(Criterion::met).count(), "the platform half is still judged");
        assertTrue(v.notes().contains("run 4 (not-run) is left out: " + reason), v.notes().toString());
        assertTrue(v.notes().stream().anyMatch(n -> n.startsWith("no virtual-thread run completed")), v.notes().toString());
    }

    @Test
    void aSessionStillWaitingIsNeverReadAsNoWait() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 8, "first_message_censored", "");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(only(v, Criterion.Result.NO_DATA).observed().contains("waiting 0 -> n/a"));
    }

    @Test
    void anEmptyQueueCellIsNoDataNotAFailure() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 8, "queue_length_max", "");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals("long-poll 40 sessions: queue peak 20; long-poll 80 sessions: queue peak 60; sse 40 sessions:"
                + " queue peak n/a (no data); sse 80 sessions: queue peak 60", v.criteria().get(1).observed());
    }

    @Test
    void notSupportedWhenNothingWaitsInTheQueue() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 9, "queue_length_max", "0");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(only(v, Criterion.Result.NOT_MET).observed().endsWith("sse 80 sessions: queue peak 0 (fails)"));
    }

    @Test
    void growthNeedsARunAtOrBelowMaxThreadsToGrowFrom() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e4(), 1, "status", "failed");

        Verdict v = new BlockingThreadsExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(only(v, Criterion.Result.NO_DATA).observed().startsWith("long-poll: no run at or below maxThreads"
                + " to grow from (no data)"));
    }
}
