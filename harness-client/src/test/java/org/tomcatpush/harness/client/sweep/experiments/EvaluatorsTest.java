package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.sweep.experiments.VerdictAssertions.assertSupported;
import static org.tomcatpush.harness.client.sweep.experiments.VerdictAssertions.failing;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * Each experiment's evaluator on fixture sweeps: the measurement that matches the claim is
 * supported with every criterion met; changing the one figure a criterion rests on makes it "not
 * supported", with the figure in the observation; missing runs make it inconclusive.
 */
@Timeout(30)
class EvaluatorsTest {

    @TempDir
    Path dir;

    @Test
    void e1SupportedWhenEveryServerCloseCarriesExactlyTheLimit() throws Exception {
        Verdict v = new KeepAliveLimitExperiment().evaluate(FixtureSweeps.load("e1", dir));

        assertSupported(v);
        assertEquals(4, v.measured().rows().size());
        assertEquals(List.of("long-poll", "5", "2920", "592", "4.93", "5", "572", "0", "20", "576"),
                v.measured().rows().get(1));
    }

    @Test
    void e1NotSupportedWhenAConnectionCarriesMoreThanTheLimit() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e1", dir), 1, "requests_per_connection_max", "6");

        Verdict v = new KeepAliveLimitExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("short-poll L=5: max 6 (fails)"), failing(v).observed());
    }

    @Test
    void e1NotSupportedWhenTheServerClosesIdleConnections() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e1", dir), 3, "closes_idle_timeout", "4");

        Verdict v = new KeepAliveLimitExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("short-poll L=100: 20 at the limit, 4 otherwise (fails)"));
    }

    @Test
    void e2SupportedWithReconnectsOnTheSameConnectionUpToTheLimitAndNothingLost() throws Exception {
        assertSupported(new SseTimeoutExperiment().evaluate(FixtureSweeps.load("e2", dir)));
    }

    @Test
    void e2NotSupportedWhenMessagesAreLostAcrossReconnects() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 2, "messages_lost", "5");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("timeout 0 ms: 0 lost, 0 duplicated of 1000; timeout 2000 ms: 5 lost, 0 duplicated of 950 (fails)",
                failing(v).observed());
    }

    @Test
    void e2NotSupportedWhenAStreamWithoutTimeoutIsReopened() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 1, "requests", "12");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).description().startsWith("without a timeout"));
    }

    @Test
    void e2InconclusiveWithoutTheNoTimeoutRun() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e2", dir), 1, "status", "failed");

        Verdict v = new SseTimeoutExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(3).result());
        assertTrue(v.notes().contains("run 1 (failed) is left out: no cause recorded"), v.notes().toString());
    }

    @Test
    void e3SupportedWhenAsyncSessionsHoldConnectionsButNoThreads() throws Exception {
        Verdict v = new AsyncThreadsExperiment().evaluate(FixtureSweeps.load("e3-e4", dir));

        assertSupported(v);
        assertEquals(3, v.measured().rows().size(), "the async rows");
        assertTrue(v.notes().get(1).startsWith("sse: busy threads peaked at 14 of 50 (executor queue peak 16)"));
    }

    @Test
    void e3NotSupportedWhenAsyncSessionsKeepThreadsBusy() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e3-e4", dir), 3, "busy_threads_mean", "12.5");

        Verdict v = new AsyncThreadsExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("sse: mean 12.5 for 200 sessions (fails)"));
    }

    @Test
    void aPartlyJudgedVerdictShowsWhatIsNotJudgedInMarkdownAndPage() throws Exception {
        Verdict whole = new BlockingThreadsExperiment().evaluate(FixtureSweeps.load("e4", dir));
        Verdict v = Verdict.partly(whole.experiment(), whole.measured(), whole.criteria(), whole.notes(),
                List.of("\"their latency grows\" with the sessions waiting is not judged: for the sake of the test"));
        List<ExperimentResult> results = List.of(new ExperimentResult(v, "sweep-e4", ""));
        SummaryContext context = new SummaryContext("scripts/experiments.sh", java.time.Instant.EPOCH, "test");

        String md = ExperimentsMarkdown.render(context, results);
        String html = ExperimentsPage.build(context, results).render();

        assertTrue(md.contains("| E4 | blocking handlers hold a thread per session | **partly judged** |"), md);
        assertTrue(md.contains("**Not judged.**\n\n- \"their latency grows\" with the sessions waiting"), md);
        assertTrue(md.contains("**Verdict: partly judged.**"), md);
        assertTrue(html.contains("E4: blocking handlers hold a thread per session (partly judged)"), html);
        assertTrue(html.contains("<strong>Not judged.</strong>"), html);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> neededColumns() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(new KeepAliveLimitExperiment(), "e1",
                        "server_closed_keepalive_limit"),
                org.junit.jupiter.params.provider.Arguments.of(new KeepAliveLimitExperiment(), "e1",
                        "requests_per_connection_max"),
                org.junit.jupiter.params.provider.Arguments.of(new SseTimeoutExperiment(), "e2",
                        "reconnects_stream_ended"),
                org.junit.jupiter.params.provider.Arguments.of(new SseTimeoutExperiment(), "e2", "messages_lost"),
                org.junit.jupiter.params.provider.Arguments.of(new AsyncThreadsExperiment(), "e3-e4",
                        "busy_threads_mean"),
                org.junit.jupiter.params.provider.Arguments.of(new AsyncThreadsExperiment(), "e3-e4",
                        "server_connections_max"),
                org.junit.jupiter.params.provider.Arguments.of(new BlockingThreadsExperiment(), "e4",
                        "queue_length_max"),
                org.junit.jupiter.params.provider.Arguments.of(new BlockingThreadsExperiment(), "e4",
                        "busy_threads_max"),
                org.junit.jupiter.params.provider.Arguments.of(new BlockingThreadsExperiment(), "e4",
                        "first_message_censored"),
                org.junit.jupiter.params.provider.Arguments.of(new BlockingThreadsExperiment(), "e4",
                        "first_message_p99_ms"),
                org.junit.jupiter.params.provider.Arguments.of(new SseTimeoutExperiment(), "e2", "streams_ended"),
                org.junit.jupiter.params.provider.Arguments.of(new IdleTimeoutExperiment(), "e7",
                        "closes_idle_timeout"),
                org.junit.jupiter.params.provider.Arguments.of(new BandwidthExperiment(), "e8", "latency_p50_ms"),
                org.junit.jupiter.params.provider.Arguments.of(new BandwidthExperiment(), "e8", "requests"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{1} without {2}")
    @org.junit.jupiter.params.provider.MethodSource("neededColumns")
    void anEvaluatorGivenRowsWithoutAColumnItNeedsSaysInconclusiveNeverNotSupported(Experiment experiment,
            String fixture, String column) throws Exception {
        SweepTable sweep = FixtureSweeps.without(FixtureSweeps.load(fixture, dir), column);

        Verdict v = experiment.evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support(), () -> v.criteria().toString());
        assertTrue(v.criteria().stream().noneMatch(c -> c.result() == Criterion.Result.NOT_MET),
                v.criteria().toString());
        assertTrue(v.criteria().stream().anyMatch(c -> c.result() == Criterion.Result.NO_DATA
                && c.observed().contains("(no data)")), v.criteria().toString());
    }

    @Test
    void e7SupportedWhenEverySlowPollOpensAConnectionClosedIdle() throws Exception {
        Verdict v = new IdleTimeoutExperiment().evaluate(FixtureSweeps.load("e7", dir));

        assertSupported(v);
        assertEquals("interval 2000 ms: 100 connections for 100 requests; interval 5000 ms: 40 connections for 40"
                + " requests", v.criteria().get(0).observed());
    }

    @Test
    void e7NotSupportedWhenSlowPollsFindTheirConnectionStillOpen() throws Exception {
        SweepTable base = FixtureSweeps.load("e7", dir);
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.with(FixtureSweeps.with(FixtureSweeps.with(base,
                2, "requests", "102"), 2, "connections_opened", "95"), 2, "closes_idle_timeout", "89"),
                2, "closes_server_other", "4");

        Verdict v = new IdleTimeoutExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals(Criterion.Result.NOT_MET, v.criteria().get(0).result());
        assertTrue(v.criteria().get(0).observed().contains("interval 2000 ms: 95 connections for 102 requests (fails)"));
        assertTrue(v.notes().get(0).startsWith("interval 2000 ms: 7 polls found their connection still open"),
                v.notes().toString());
    }

    @Test
    void e8SupportedAndNamesTheCrossovers() throws Exception {
        Verdict v = new BandwidthExperiment().evaluate(FixtureSweeps.load("e8", dir));

        assertSupported(v);
        assertEquals(20, v.measured().rows().size(), "4 rates x 5 variants; the other transports of max-batch 1 runs"
                + " left out");
        assertEquals(List.of("2", "long-poll", "", "120", "1", "250", "3", "9", "400"), v.measured().rows().get(11));
        assertEquals(List.of("2", "long-poll max-batch 1", "", "120", "1", "250", "3", "9", "400"),
                v.measured().rows().get(14));
        assertTrue(v.notes().contains("requests/min per client: short-poll and long-poll cross between 0.1 and 0.5"
                + " messages/s (near 0.134); below it long-poll is lower, above it short-poll"), v.notes().toString());
        assertTrue(v.notes().contains("bytes/message: short-poll and long-poll cross between 0.5 and 2 messages/s"
                + " (near 0.794); below it long-poll is lower, above it short-poll"), v.notes().toString());
        assertTrue(v.notes().contains("bytes/message: short-poll and sse cross between 2 and 10 messages/s"
                + " (near 7.25); below it sse is lower, above it short-poll"), v.notes().toString());
        assertTrue(v.notes().contains("bytes/message at 10 messages/s, cheapest first: ws 60, short-poll 90, sse 100,"
                + " long-poll 250, long-poll max-batch 1 250"), v.notes().toString());
    }

    @Test
    void e8NotSupportedWhenLongPollingCostsFarFromOneHundredTwentyRequestsAMinute() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e8", dir), 6, "requests", "200");

        Verdict v = new BandwidthExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("long-poll at 2/s: 60 requests/min (fails); long-poll max-batch 1 at 2/s: 120 requests/min",
                failing(v).observed());
    }

    @Test
    void e8NotSupportedWhenStreamsNeedARequestPerMessage() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e8", dir), 12, "requests", "90");

        Verdict v = new BandwidthExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().endsWith("ws at 10/s: 90 requests for 10 sessions, 2000 messages (fails)"),
                failing(v).observed());
    }
}
