package org.tomcatpush.harness.client.serverstats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

/**
 * The summary's server figures are computed from the server's own samples in the measured window
 * and nothing else: samples before the load started and after the sessions stopped are left out,
 * and without samples the figures are unknown rather than taken from elsewhere.
 */
class ServerStatsWindowTest {

    private static final long START_MS = 1_000_000;

    @Test
    void figuresComeFromTheSamplesInsideTheWindowOnly() {
        List<ServerSample> series = new ArrayList<>();
        series.add(sample(START_MS - 100, 50, 90, 400)); // between the reset and the start: left out
        for (int i = 0; i < 100; i++) {
            series.add(sample(START_MS + i * 100L, i < 50 ? 8 : 4, i < 50 ? 12 : 0, 20 + i % 2));
        }
        series.add(sample(START_MS + 10_100, 60, 70, 500)); // the teardown: left out

        ServerStats window = stats(series, new SampledStats(30, 8, 60, 60)).inWindow(START_MS, START_MS + 9_900);

        assertEquals(100, window.samples());
        assertEquals(100, window.series().size());
        assertEquals(new SampledStats(6.0, 4, 8, 8), window.busySampled());
        assertEquals(new SampledStats(6.0, 0, 12, 12), window.queueSampled());
        assertEquals(new SampledStats(20.5, 20, 21, 21), window.connectionsSampled());
    }

    @Test
    void heapAndRssPeaksComeFromTheSamplesInsideTheWindowToo() {
        List<ServerSample> series = List.of(
                new ServerSample(START_MS - 100, 0, 0, 0, 0, 0, 900_000_000, 950_000_000), // before: left out
                new ServerSample(START_MS, 0, 0, 0, 0, 0, 30_000_000, 120_000_000),
                new ServerSample(START_MS + 100, 0, 0, 0, 0, 0, 50_000_000, -1), // no RSS (off Linux)
                new ServerSample(START_MS + 200, 0, 0, 0, 0, 0, 40_000_000, 130_000_000));

        ServerStats window = stats(series, SampledStats.UNKNOWN).inWindow(START_MS, START_MS + 200);

        assertEquals(new SampledStats(40_000_000.0, 40_000_000, 50_000_000, 50_000_000), window.heapSampled());
        assertEquals(new SampledStats(125_000_000.0, 120_000_000, 130_000_000, 130_000_000), window.rssSampled());
    }

    @Test
    void percentilesAreNearestRank() {
        List<ServerSample> series = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            series.add(sample(START_MS + i, i, 0, 0));
        }
        SampledStats busy = SampledStats.of(series, ServerSample::busyThreads);

        assertEquals(100, busy.p50());
        assertEquals(198, busy.p99());
        assertEquals(200, busy.max());
        assertEquals(100.5, busy.mean());
    }

    @Test
    void samplesWithoutAFigureAreLeftOutOfItsSummary() {
        List<ServerSample> series = List.of(sample(START_MS, -1, 3, 5), sample(START_MS + 100, -1, 1, 7));

        ServerStats window = stats(series, SampledStats.UNKNOWN).inWindow(START_MS, START_MS + 1000);

        assertEquals(SampledStats.UNKNOWN, window.busySampled());
        assertEquals(new SampledStats(2.0, 1, 3, 3), window.queueSampled());
    }

    @Test
    void withoutSamplesTheFiguresAreUnknownNotTheServersHistograms() {
        ServerStats window = stats(List.of(), new SampledStats(1.2, 1, 4, 4)).inWindow(START_MS, START_MS + 1000);

        assertEquals(0, window.samples());
        assertEquals(SampledStats.UNKNOWN, window.busySampled());
        assertEquals(SampledStats.UNKNOWN, window.connectionsSampled());
    }

    private static ServerSample sample(long epochMs, long busy, long queue, long connections) {
        return new ServerSample(epochMs, busy, queue, connections, 0, 0);
    }

    private static ServerStats stats(List<ServerSample> series, SampledStats sinceReset) {
        return new ServerStats(START_MS + 20_000, "11.0.27", 0, "executor-active", 10, 0, 0, Map.of("total", 1L),
                Map.of(), 0, 52, sinceReset, sinceReset, sinceReset, PerConnectionStats.UNKNOWN,
                JsonNodeFactory.instance.objectNode(), series, ServerCloseStats.UNKNOWN,
                PublisherStats.UNKNOWN);
    }
}
