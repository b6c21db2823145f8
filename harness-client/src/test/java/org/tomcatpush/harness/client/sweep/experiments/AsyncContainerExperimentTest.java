package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.sweep.experiments.VerdictAssertions.failing;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E11 on a sweep of {@code handler: [async, async-container]} over SSE streams beside short-poll
 * clients (fixture e11): supported when async-container's work queues for the worker threads and
 * the short polls are served worse; one changed figure makes it not supported; a missing run, inconclusive.
 */
@Timeout(30)
class AsyncContainerExperimentTest {

    @TempDir
    Path dir;

    private SweepTable fixture() throws Exception {
        return FixtureSweeps.load("e11", dir);
    }

    @Test
    void supportedWhenAsyncContainerWorkQueuesForWorkerThreadsAndServesShortPollsWorse() throws Exception {
        Verdict v = new AsyncContainerExperiment().evaluate(fixture());

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        assertEquals(List.of("async", "10", "0.4", "3", "2", "199", "2.1", "40.5", "15000", "0", "0"),
                v.measured().rows().get(0));
        assertEquals("async-container vs async: queue peak 105 vs 2", v.criteria().get(0).observed());
        assertEquals("async-container vs async: 160 vs 199 requests/s, response p99 900 vs 40.5 ms",
                v.criteria().get(1).observed());
    }

    @Test
    void notSupportedWhenAsyncContainerWorkQueuesNoMoreThanAsync() throws Exception {
        SweepTable sweep = FixtureSweeps.with(fixture(), 2, "queue_length_max", "2");

        Verdict v = new AsyncContainerExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("async-container vs async: queue peak 2 vs 2 (fails)", failing(v).observed());
    }

    @Test
    void stillSupportedWhenOnlyTheShortPollResponseTimeIsWorse() throws Exception {
        SweepTable sweep = FixtureSweeps.with(fixture(), 2, "requests", "2990");

        Verdict v = new AsyncContainerExperiment().evaluate(sweep);

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
    }

    @Test
    void notSupportedWhenShortPollsAreServedNoWorse() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.with(fixture(), 2, "requests", "2990"), 2,
                "response_time_p99_ms", "40.5");

        Verdict v = new AsyncContainerExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).description().startsWith("the short-poll clients are served worse"));
    }

    @Test
    void notSupportedWhenAsyncContainerLosesMessages() throws Exception {
        SweepTable sweep = FixtureSweeps.with(fixture(), 2, "messages_lost", "3");

        Verdict v = new AsyncContainerExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("async: 0 lost, 0 duplicated of 15000; async-container: 3 lost, 0 duplicated of 15000 (fails)",
                failing(v).observed());
    }

    @Test
    void inconclusiveWithoutTheAsyncContainerRun() throws Exception {
        SweepTable sweep = FixtureSweeps.with(fixture(), 2, "status", "failed");

        Verdict v = new AsyncContainerExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(0).result());
        assertTrue(v.notes().contains("no completed run with handler async-container and both an SSE and a"
                + " short-poll row"), v.notes().toString());
    }
}
