package org.tomcatpush.harness.client.sweep.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tomcatpush.harness.client.sweep.experiments.VerdictAssertions.failing;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * E10 on a sweep through nginx with a 2 s read timeout over {@code sse-heartbeat} 0, 1000 and
 * 5000 ms (fixture e10, from a real run): supported as measured; one changed figure makes it not
 * supported; runs that failed (nginx not installed) or a sweep that never ran make it inconclusive.
 */
@Timeout(30)
class ProxyHeartbeatExperimentTest {

    private static final String NGINX_MISSING = "--proxy nginx needs nginx, which is not installed (no executable"
            + " /usr/sbin/nginx): install it with 'apt-get install -y nginx', or give its path with --proxy-binary";

    @TempDir
    Path dir;

    private SweepTable fixture() throws Exception {
        return FixtureSweeps.load("e10", dir);
    }

    /** {@code sweep} with one cell of the {@code transport} row of run {@code runIndex} changed. */
    private static SweepTable with(SweepTable sweep, int runIndex, String transport, String column, String value) {
        List<SummaryRow> rows = sweep.rows().stream()
                .map(r -> r.text("run_index").orElse("").equals(Integer.toString(runIndex))
                        && r.transport().equals(transport) ? r.with(column, value) : r)
                .toList();
        return new SweepTable(sweep.file(), sweep.sweptKeys(), rows);
    }

    @Test
    void supportedWhenSilentStreamsAreCutAndHeartbeatsShorterThanTheTimeoutKeepThemWhole() throws Exception {
        Verdict v = new ProxyHeartbeatExperiment().evaluate(fixture());

        assertEquals(Support.SUPPORTED, v.support(), () -> v.criteria().toString());
        assertEquals(6, v.measured().rows().size(), "the SSE and WebSocket rows of 3 runs");
        assertEquals("sse heartbeat 0 ms (none): 10 connection-lost reconnects, 3 requests per session;"
                + " sse heartbeat 5000 ms >= timeout 2000 ms: 10 connection-lost reconnects, 3 requests per session",
                v.criteria().get(1).observed());
        assertEquals("sse heartbeat 1000 ms < timeout 2000 ms: 1 requests per session, 0 reconnects",
                v.criteria().get(2).observed());
        assertTrue(v.notes().get(0).contains("client-proxy hop"), v.notes().toString());
    }

    @Test
    void notSupportedWhenAStreamWithShortHeartbeatsIsReopened() throws Exception {
        SweepTable sweep = with(fixture(), 2, "sse", "requests", "6");

        Verdict v = new ProxyHeartbeatExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertEquals("sse heartbeat 1000 ms < timeout 2000 ms: 1.2 requests per session, 0 reconnects (fails)",
                failing(v).observed());
    }

    @Test
    void notSupportedWhenAStreamWithoutHeartbeatsIsNeverCut() throws Exception {
        SweepTable sweep = with(fixture(), 1, "sse", "reconnects_connection_lost", "0");

        Verdict v = new ProxyHeartbeatExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).description().startsWith("SSE without a heartbeat"), failing(v).description());
        assertTrue(failing(v).observed().startsWith("sse heartbeat 0 ms (none): 0 connection-lost reconnects"));
    }

    @Test
    void notSupportedWhenARunDidNotGoThroughTheProxy() throws Exception {
        SweepTable sweep = with(fixture(), 3, "sse", "proxy", "none");

        Verdict v = new ProxyHeartbeatExperiment().evaluate(sweep);

        assertEquals(Support.NOT_SUPPORTED, v.support());
        assertTrue(failing(v).observed().contains("sse heartbeat 5000 ms: none (fails)"), failing(v).observed());
    }

    @Test
    void inconclusiveWithTheFailureNamedWhenNginxWasMissingForEveryRun() throws Exception {
        SweepTable sweep = fixture();
        for (int run = 1; run <= 3; run++) {
            sweep = FixtureSweeps.with(FixtureSweeps.with(sweep, run, "status", "failed"), run, "failure",
                    NGINX_MISSING);
        }

        Verdict v = new ProxyHeartbeatExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertTrue(v.criteria().stream().allMatch(c -> c.result() == Criterion.Result.NO_DATA), v.criteria().toString());
        assertTrue(v.notes().contains("run 1 (failed) is left out: " + NGINX_MISSING), v.notes().toString());
    }

    @Test
    void inconclusiveWhenTheRunWithShortHeartbeatsIsMissing() throws Exception {
        SweepTable sweep = FixtureSweeps.with(fixture(), 2, "status", "failed");

        Verdict v = new ProxyHeartbeatExperiment().evaluate(sweep);

        assertEquals(Support.INCONCLUSIVE, v.support());
        assertEquals(Criterion.Result.NO_DATA, v.criteria().get(2).result());
    }

    @Test
    void inconclusiveWhenTheSweepWasRefusedBeforeAnyRun() {
        // experiments.sh passes E10= when the sweep left no folder, e.g. refused because nginx is missing
        ExperimentResult result = ExperimentsSummary.notRun(new ProxyHeartbeatExperiment());

        assertEquals(Support.INCONCLUSIVE, result.verdict().support());
    }
}
