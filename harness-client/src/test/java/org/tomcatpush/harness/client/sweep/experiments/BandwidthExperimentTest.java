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
 * E8's two long polls and its lowest rate on the fixture sweep {@code e8}: runs 1-16 are batched
 * (max_batch 1000) at 0.1, 0.5, 2 and 10 messages/s, runs 17-20 long polling with max_batch 1,
 * run 21 the short-poll row of a max_batch 1 run, which is not the claim's and must not be read.
 */
@Timeout(30)
class BandwidthExperimentTest {

    @TempDir
    Path dir;

    private SweepTable e8() throws Exception {
        return FixtureSweeps.load("e8", dir);
    }

    @Test
    void showsBothLongPollsAtEveryRateFromOneTenthOfAMessageASecond() throws Exception {
        Verdict v = new BandwidthExperiment().evaluate(e8());

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        List<List<String>> rows = v.measured().rows();
        assertEquals(List.of("0.1", "long-poll", "", "8", "1.33", "400", "3", "9", "30"), rows.get(1));
        assertEquals(List.of("0.1", "long-poll max-batch 1", "", "8", "1.33", "400", "3", "9", "30"), rows.get(4));
        assertEquals(4, rows.stream().filter(r -> r.get(1).equals("long-poll max-batch 1")).count());
        assertEquals("at 0.1/s: 40 requests for 30 messages; at 0.5/s: 100 requests for 100 messages; at 2/s: 400"
                + " requests for 400 messages; at 10/s: 2000 requests for 2000 messages", v.criteria().get(4).observed());
    }

    @Test
    void theOtherTransportsOfAMaxBatchOneRunAreNotRead() throws Exception {
        Verdict v = new BandwidthExperiment().evaluate(e8());

        List<List<String>> shortPollAtTen = v.measured().rows().stream()
                .filter(r -> r.get(0).equals("10") && r.get(1).equals("short-poll")).toList();
        assertEquals(1, shortPollAtTen.size());
        assertEquals("2500", shortPollAtTen.get(0).get(6), "the batched run's latency, not run 21's 9000");
        assertTrue(v.criteria().get(1).observed().contains("short-poll at 10/s: 12 requests/min"));
    }

    @Test
    void notSupportedWhenALongPollWithMaxBatchOneCarriesSeveralMessagesInOneAnswer() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e8(), 20, "requests", "1000");

        Verdict v = new BandwidthExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        List<Criterion> failed = v.criteria().stream().filter(c -> c.result() == Criterion.Result.NOT_MET).toList();
        assertEquals(1, failed.size(), v.criteria().toString());
        assertTrue(failed.get(0).observed().endsWith("at 10/s: 1000 requests for 2000 messages (fails)"));
    }

    @Test
    void notSupportedWhenAStreamNeedsMoreThanOneRequestAtTheLowestRate() throws Exception {
        SweepTable sweep = FixtureSweeps.with(e8(), 15, "requests", "13");

        Verdict v = new BandwidthExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(v.criteria().get(3).observed().startsWith("sse at 0.1/s: 13 requests for 10 sessions, 30 messages"
                + " (fails)"), v.criteria().get(3).observed());
    }

    @Test
    void inconclusiveWithoutTheMaxBatchOneRuns() throws Exception {
        SweepTable sweep = e8();
        for (int run = 17; run <= 20; run++) {
            sweep = FixtureSweeps.with(sweep, run, "status", "failed");
        }

        Verdict v = new BandwidthExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(4).result());
        assertEquals("long-poll at 2/s: 120 requests/min", v.criteria().get(0).observed());
    }
}
