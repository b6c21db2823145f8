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
 * E9's evaluator on a fixture sweep of 42 SSE sessions as browsers, 6 against 7 per browser: each
 * criterion flips with the one figure it rests on; a missing figure or run is inconclusive.
 */
@Timeout(30)
class BrowserQueueExperimentTest {

    @TempDir
    Path dir;

    private final BrowserQueueExperiment e9 = new BrowserQueueExperiment();

    private SweepTable fixture() throws Exception {
        return FixtureSweeps.load("e9", dir);
    }

    @Test
    void supportedWhenOneStreamPerBrowserWaitsForAStreamToEnd() throws Exception {
        Verdict v = e9.evaluate(fixture());

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        assertEquals("7 per browser: 6 queued, 6 expected", v.criteria().get(0).observed());
        assertEquals(List.of("7", "42", "3000", "6", "6", "2990", "3000", "270", "3400", "0"),
                v.measured().rows().get(1));
    }

    @Test
    void notSupportedWhenMoreStreamsWaitThanOnePerBrowser() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.with(fixture(), 2, "browser_sessions_queued", "12"));

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("7 per browser: 12 queued, 6 expected (fails)", failing(v).observed());
    }

    @Test
    void notSupportedWhenAWaitingStreamGotAConnectionBeforeAnyStreamEnded() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.with(fixture(), 2, "browser_queue_wait_min_ms", "120"));

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).description().startsWith("each waiting stream got its connection only when"));
    }

    @Test
    void notSupportedWhenTheSeventhStreamHadItsFirstMessageEarly() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.with(fixture(), 2, "first_message_max_ms", "800"));

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("7 per browser: longest 800 ms, timeout 3000 ms (fails)", failing(v).observed());
    }

    @Test
    void notSupportedWhenAStreamWaitsWithSixPerBrowser() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.with(fixture(), 1, "browser_sessions_queued", "1"));

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).description().startsWith("with at most 6 sessions per browser"));
    }

    @Test
    void inconclusiveWhenNoQueuedStreamGotAConnection() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.with(fixture(), 2, "browser_queue_wait_min_ms", ""));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(1).result());
    }

    @Test
    void inconclusiveWithoutTheColumnOfQueuedStreams() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.without(fixture(), "browser_sessions_queued"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(v.criteria().stream().noneMatch(c -> c.result() == Criterion.Result.NOT_MET));
    }

    @Test
    void inconclusiveWhenTheSevenPerBrowserRunFailed() throws Exception {
        Verdict v = e9.evaluate(FixtureSweeps.with(fixture(), 2, "status", "failed"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals("no completed run of this kind in the sweep", v.criteria().get(0).observed());
        assertTrue(v.notes().contains("run 2 (failed) is left out: no cause recorded"), v.notes().toString());
    }

    @Test
    void expectedQueuedCountsTheStreamsBeyondSixInEachBrowserTheLastOneSmaller() {
        assertEquals(6, BrowserQueueExperiment.expectedQueued(42, 7));
        assertEquals(0, BrowserQueueExperiment.expectedQueued(42, 6));
        assertEquals(2 + 1, BrowserQueueExperiment.expectedQueued(15, 8), "browsers of 8 and 7");
        assertEquals(4 + 1, BrowserQueueExperiment.expectedQueued(10 + 7, 10), "browsers of 10 and 7");
        assertTrue(Double.isNaN(BrowserQueueExperiment.expectedQueued(42, Double.NaN)));
    }
}
