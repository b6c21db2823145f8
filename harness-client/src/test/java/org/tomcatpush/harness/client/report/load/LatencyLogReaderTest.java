package org.tomcatpush.harness.client.report.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.report.FixtureRuns;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.LatencyDistribution.PercentilePoint;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatencyLogReaderTest {

    @TempDir
    Path tmp;

    @Test
    void intervalsOfATagAreAddedUpIntoOneDistribution() throws Exception {
        long[] values = new long[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i + 1) * 1000L; // 1 ms .. 1000 ms
        }
        Map<String, long[]> byTag = new LinkedHashMap<>();
        byTag.put("long-poll", values);
        Path log = tmp.resolve("latency.hlog");
        FixtureRuns.writeLatencyLog(log, byTag, 4);

        List<LatencyDistribution> read = LatencyLogReader.read(log);

        assertEquals(1, read.size());
        LatencyDistribution d = read.get(0);
        assertEquals("long-poll", d.tag());
        assertEquals(1000, d.count(), "all four intervals added");
        assertEquals(500, d.p50Ms(), 0.5, "three significant digits");
        assertEquals(990, d.p99Ms(), 1);
        assertEquals(1000, d.maxMs(), 1);
        assertEquals(500.5, d.meanMs(), 0.5);
    }

    @Test
    void percentilePointsRiseToOneHundredAndEndAtTheMaximum() throws Exception {
        Map<String, long[]> byTag = Map.of("sse", FixtureRuns.spread(2400, 400, 9_800));
        Path log = tmp.resolve("latency.hlog");
        FixtureRuns.writeLatencyLog(log, byTag, 2);

        List<PercentilePoint> points = LatencyLogReader.read(log).get(0).points();

        assertEquals(0, points.get(0).percentile(), 1e-9);
        assertEquals(100, points.get(points.size() - 1).percentile(), 1e-9);
        assertEquals(9.8, points.get(points.size() - 1).valueMs(), 0.01);
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).percentile() >= points.get(i - 1).percentile());
            assertTrue(points.get(i).valueMs() >= points.get(i - 1).valueMs());
        }
    }
}
