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
 * E12's evaluator on a fixture sweep of 5,000 held sessions per transport and handler mode: long
 * polling within 2 x WebSocket's heap and RSS growth per 1,000 is supported, one figure past it is
 * not, and a reading that missed sessions, a WebSocket figure at or below 0 or a missing run is
 * inconclusive.
 */
@Timeout(30)
class HeldMemoryExperimentTest {

    @TempDir
    Path dir;

    private final HeldMemoryExperiment e12 = new HeldMemoryExperiment();

    private SweepTable fixture() throws Exception {
        return FixtureSweeps.load("e12", dir);
    }

    @Test
    void supportedWhenLongPollingHoldsAtMostTwiceWebSocketsMemoryInEachMode() throws Exception {
        Verdict v = e12.evaluate(fixture());

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        // 52,429 bytes x 1,000 = 50 MiB against 41,943 x 1,000 = 40 MiB; RSS 80 against 60 MiB
        assertEquals("async: long-poll 50 vs ws 40 MiB, x1.25; blocking: long-poll 60 vs ws 40 MiB, x1.5",
                v.criteria().get(1).observed());
        assertEquals("async: long-poll 80 vs ws 60 MiB, x1.33; blocking: long-poll 160 vs ws 90 MiB, x1.78",
                v.criteria().get(2).observed());
        assertEquals(List.of("long-poll", "blocking", "5000", "5000", "5003", "5000", "60", "160", "350", "1300",
                "5000"), v.measured().rows().get(1));
        assertTrue(v.notes().get(0).startsWith("async: SSE holds 40 MiB of heap"), v.notes().toString());
    }

    @Test
    void notSupportedWhenBlockingLongPollingGrowsTheRssMoreThanTwiceWebSockets() throws Exception {
        // 220,201 bytes x 1,000 = 210 MiB against WebSocket's 90
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 2, "server_rss_bytes_per_session", "220201"));

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("async: long-poll 80 vs ws 60 MiB, x1.33; blocking: long-poll 210 vs ws 90 MiB, x2.33 (fails)",
                failing(v).observed());
    }

    @Test
    void notSupportedWhenAsyncLongPollingHoldsMoreThanTwiceWebSocketsHeap() throws Exception {
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 1, "server_heap_bytes_per_session", "94372"));

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).description().startsWith("long polling's live heap"));
        assertTrue(failing(v).observed().startsWith("async: long-poll 90 vs ws 40 MiB, x2.25 (fails)"),
                failing(v).observed());
    }

    @Test
    void inconclusiveWhenTheReadingMissedSessions() throws Exception {
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 5, "server_heap_sessions_held", "4870"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(0).result());
        assertTrue(v.criteria().get(0).observed().contains("ws async: 4870 of 5000 held, server connections max 5003,"
                + " 5000 answered (no data)"), v.criteria().get(0).observed());
    }

    @Test
    void inconclusiveWhenTheServerNeverHadEveryLongPollConnected() throws Exception {
        // the client counts a poll session open from its start, its connect still in the accept queue
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 2, "server_connections_max", "1376"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(0).result());
    }

    @Test
    void inconclusiveWhenWebSocketsFigureIsNotAboveZero() throws Exception {
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 6, "server_rss_bytes_per_session", "-2000"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(v.criteria().get(2).observed().endsWith("ws not above 0 (noise larger than the cost) (no data)"),
                v.criteria().get(2).observed());
    }

    @Test
    void inconclusiveWithoutTheBlockingWebSocketRun() throws Exception {
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 6, "status", "failed"));

        assertEquals(Support.INCONCLUSIVE, v.support(), () -> v.criteria().toString());
        assertEquals("async: long-poll 50 vs ws 40 MiB, x1.25; blocking: no completed ws run (no data)",
                v.criteria().get(1).observed());
        assertTrue(v.notes().contains("run 6 (failed) is left out: no cause recorded"), v.notes().toString());
    }

    @Test
    void inconclusiveWithoutTheRssColumn() throws Exception {
        Verdict v = e12.evaluate(FixtureSweeps.without(fixture(), "server_rss_bytes_per_session"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(v.criteria().stream().noneMatch(c -> c.result() == Criterion.Result.NOT_MET));
    }

    @Test
    void inconclusiveWhenTheServerNeverAnsweredEveryLongPoll() throws Exception {
        // connected, but the requests waited for a worker thread: they cost less than a poll in a handler
        Verdict v = e12.evaluate(FixtureSweeps.with(fixture(), 2, "sessions_opened", "432"));

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(v.criteria().get(0).observed().contains("long-poll blocking: 5000 of 5000 held, server"
                + " connections max 5003, 432 answered (no data)"), v.criteria().get(0).observed());
    }
}
