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
 * E2's second half on the fixture sweep {@code e2} (run 1: no server timeout): one request
 * serves each session for the whole run. Each test breaks that in one way that the total of
 * requests alone would not show.
 */
@Timeout(30)
class SseTimeoutExperimentTest {

    @TempDir
    Path dir;

    private static Criterion withoutTimeout(Verdict v) {
        return v.criteria().stream().filter(c -> c.description().startsWith("without a timeout")).findFirst()
                .orElseThrow();
    }

    private static void assertOnlyTheNoTimeoutCriterionFails(Verdict v) {
        assertEquals(Support.NOT_SUPPORTED, v.support());
        List<Criterion> failed = v.criteria().stream().filter(c -> c.result() == Criterion.Result.NOT_MET).toList();
        assertEquals(List.of(withoutTimeout(v)), failed, v.criteria().toString());
    }

    @Test
    void withoutATimeoutOneRequestServesEachSessionForTheWholeRun() throws Exception {
        Verdict v = new SseTimeoutExperiment().evaluate(FixtureSweeps.load("e2", dir));

        assertEquals(Criterion.Result.MET, withoutTimeout(v).result());
        assertEquals("timeout 0 ms: 10 requests for 10 sessions (10 opened), 0 streams ended during the run,"
                + " 0 reconnects", withoutTimeout(v).observed());
    }

    @Test
    void aStreamThatEndsBeforeTheStopWithoutReconnectingDidNotServeTheWholeRun() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 1, "streams_ended", "1");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertOnlyTheNoTimeoutCriterionFails(v);
        assertTrue(withoutTimeout(v).observed().contains("1 streams ended during the run, 0 reconnects (fails)"));
    }

    @Test
    void aSessionThatNeverOpenedIsNotServedEvenWhenTheRequestsAddUp() throws Exception {
        // 10 requests for 10 sessions, yet one session's request never got its stream open
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 1, "sessions_opened", "9");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertOnlyTheNoTimeoutCriterionFails(v);
        assertTrue(withoutTimeout(v).observed().startsWith("timeout 0 ms: 10 requests for 10 sessions (9 opened)"));
    }

    @Test
    void aReconnectWithoutATimeoutFailsEvenWhenTheRequestsAddUp() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 1, "reconnects", "1");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertOnlyTheNoTimeoutCriterionFails(v);
    }

    @Test
    void aSweepOverTheApiJudgesTheServletCodeAndSpringsSseEmitterSideBySide() throws Exception {
        Verdict v = new SseTimeoutExperiment().evaluate(FixtureSweeps.load("e2-api", dir));

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        assertEquals("api", v.measured().header().get(0));
        assertEquals(List.of("spring", "2000", "3", "10", "54", "44", "20", "2.7", "3", "10", "960", "0", "0"),
                v.measured().rows().get(3));
        assertEquals("servlet timeout 0 ms: 10 requests for 10 sessions (10 opened), 0 streams ended during the run,"
                + " 0 reconnects; spring timeout 0 ms: 10 requests for 10 sessions (10 opened), 0 streams ended during"
                + " the run, 0 reconnects", withoutTimeout(v).observed());
    }

    @Test
    void springsEmitterReopenedOnAnotherConnectionEachTimeIsNotSupported() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2-api", dir), 4, "requests_per_connection_mean",
                "1");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("servlet timeout 2000 ms: mean 2.33; spring timeout 2000 ms: mean 1 (fails)",
                v.criteria().get(1).observed());
    }

    @Test
    void aSweepOfOneApiNamesNoApi() throws Exception {
        Verdict v = new SseTimeoutExperiment().evaluate(FixtureSweeps.load("e2", dir));

        assertEquals("sse timeout ms", v.measured().header().get(0));
    }
}
