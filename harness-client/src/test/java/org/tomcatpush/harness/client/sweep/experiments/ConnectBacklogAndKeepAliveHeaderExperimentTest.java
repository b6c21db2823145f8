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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E5 (the accept queue past maxConnections) and E6 (the Keep-Alive response header) on fixture
 * sweeps taken from measured runs: supported as measured; one figure changed makes the verdict
 * not supported, with the figure in the observation; a column missing makes it inconclusive.
 */
@Timeout(30)
class ConnectBacklogAndKeepAliveHeaderExperimentTest {

    @TempDir
    Path dir;

    @Test
    void e5PartlyJudgedAtOneMaxConnectionsWhenTheServerStaysAtItAndConnectsPastTheQueueTimeOut() throws Exception {
        Verdict v = new ConnectBacklogExperiment().evaluate(FixtureSweeps.load("e5", dir));

        assertEquals(Support.PARTLY_JUDGED, v.support(), () -> v.criteria().toString());
        assertTrue(v.criteria().stream().allMatch(Criterion::met));
        assertEquals(List.of(ConnectBacklogExperiment.UNJUDGED_MAX_CONNECTIONS), v.unjudged());
        assertEquals(List.of("20", "1", "150", "20", "87", "2", "625", "0", "0", "24", "1050", "1050", "62",
                "13700", "88"), v.measured().rows().get(0));
        assertEquals("maxConnections 20 acceptCount 1 -> 100: 625 -> 127 failures", v.criteria().get(3).observed());
    }

    @Test
    void e5NotSupportedWhenTheServerHoldsMoreThanMaxConnections() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e5", dir), 2, "server_connections_max", "21");

        Verdict v = new ConnectBacklogExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("maxConnections 20 acceptCount 100: peak 21 of 20 (fails)"),
                failing(v).observed());
    }

    @Test
    void e5NotSupportedWhenNoConnectPastTheQueueFails() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e5", dir), 2, "connect_failures_timeout", "0");

        Verdict v = new ConnectBacklogExperiment().evaluate(sweep);

        // 625 -> 0 failures is still fewer with the larger queue: only the overflow criterion fails
        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("maxConnections 20 acceptCount 100: 0 timed out, 0 refused (fails)"),
                failing(v).observed());
    }

    @Test
    void e5NotSupportedWhenNoEstablishedConnectWaitsInTheQueue() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e5", dir), 1, "client_minus_server_connections",
                "0");

        Verdict v = new ConnectBacklogExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("acceptCount 1: 0 established, not accepted (fails)"),
                failing(v).observed());
    }

    @Test
    void e5NotSupportedWhenALargerQueueLetsNoMoreConnectsIn() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e5", dir), 1, "connect_failures_timeout", "127");

        Verdict v = new ConnectBacklogExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("maxConnections 20 acceptCount 1 -> 100: 127 -> 127 failures (fails)", failing(v).observed());
    }

    @Test
    void e5InconclusiveWithOneAcceptCountOnly() throws Exception {
        SweepTable full = FixtureSweeps.load("e5", dir);
        SweepTable one = new SweepTable(full.file(), full.sweptKeys(), full.rows().subList(0, 1));

        Verdict v = new ConnectBacklogExperiment().evaluate(one);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(3).result());
    }

    @ParameterizedTest(name = "E5 without {0}")
    @CsvSource({"server_connections_max", "client_minus_server_connections", "connect_failures_timeout"})
    void e5WithoutAColumnItNeedsIsInconclusive(String column) throws Exception {
        Verdict v = new ConnectBacklogExperiment().evaluate(FixtureSweeps.without(FixtureSweeps.load("e5", dir), column));

        assertEquals(Support.INCONCLUSIVE, v.support(), () -> v.criteria().toString());
        assertTrue(v.criteria().stream().noneMatch(c -> c.result() == Criterion.Result.NOT_MET), v.criteria().toString());
    }

    @Test
    void e6SupportedWhenOnlyKeepAliveRequestsGetKeepAliveTimeoutThirtyAndNeverMax() throws Exception {
        Verdict v = new KeepAliveHeaderExperiment().evaluate(FixtureSweeps.load("e6", dir));

        assertSupported(v);
        assertEquals(List.of("keep-alive", "short-poll", "30000", "20", "20", "20", "20", "30", "0", "20"),
                v.measured().rows().get(0));
    }

    @Test
    void e6NotSupportedWhenAResponseWithoutTheRequestHeaderCarriesKeepAlive() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e6", dir), 2, "keep_alive_header_responses", "3");

        Verdict v = new KeepAliveHeaderExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("Connection none short-poll: 3 of 20 with Keep-Alive (fails)", failing(v).observed());
    }

    @Test
    void e6NotSupportedWhenTheTimeoutIsNotKeepAliveTimeoutInSeconds() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e6", dir), 1, "keep_alive_header_timeout_s", "20");

        Verdict v = new KeepAliveHeaderExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("timeout=20 (keepAliveTimeout 30000 ms) (fails)"),
                failing(v).observed());
    }

    @Test
    void e6NotSupportedWhenAKeepAliveHeaderCarriesMax() throws Exception {
        SweepTable sweep = FixtureSweeps.with(FixtureSweeps.load("e6", dir), 1, "keep_alive_header_max_responses",
                "20");

        Verdict v = new KeepAliveHeaderExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("Connection keep-alive short-poll: 20 with max= (fails)"),
                failing(v).observed());
    }

    @Test
    void e6InconclusiveWithoutTheRunWithoutTheHeader() throws Exception {
        SweepTable full = FixtureSweeps.load("e6", dir);
        SweepTable one = new SweepTable(full.file(), full.sweptKeys(), full.rows().subList(0, 1));

        Verdict v = new KeepAliveHeaderExperiment().evaluate(one);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(1).result());
    }

    @Test
    void e6InconclusiveWithoutTheFirstResponseFigures() throws Exception {
        Verdict v = new KeepAliveHeaderExperiment().evaluate(
                FixtureSweeps.without(FixtureSweeps.load("e6", dir), "keep_alive_header_responses"));

        assertEquals(Support.INCONCLUSIVE, v.support(), () -> v.criteria().toString());
        assertTrue(v.criteria().stream().noneMatch(c -> c.result() == Criterion.Result.NOT_MET), v.criteria().toString());
    }
}
