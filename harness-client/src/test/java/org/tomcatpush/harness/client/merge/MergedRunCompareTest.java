package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.results.ClientCounts;

/**
 * A merged run is an ordinary results folder to {@code harness compare}: against the folder of one
 * process that counted what the agents counted together it is no regression, and an agent whose
 * deliveries were ten times slower makes the merged run a regression of the latency percentiles.
 */
class MergedRunCompareTest {

    private static final long[] LATENCY_A = {1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 250_000};
    private static final long[] LATENCY_B = {1_500, 1_700, 2_100, 2_900, 3_300, 30_000, 40_000, 45_000, 47_000,
            52_000, 60_000, 61_000, 62_000, 90_000, 120_000, 121_000, 150_000, 400_000};

    @TempDir
    Path dir;

    @Test
    void aMergedRunMatchesTheOneProcessRunOfTheSameSessionsWithoutRegression() throws Exception {
        Path merged = merge(agentB(LATENCY_B));

        RunMergeTest.Result compare = RunMergeTest.harness("compare", "--baseline", oneProcess().toString(),
                "--current", merged.toString(), "--out", dir.resolve("compare").toString());

        assertEquals(ExitStatus.OK, compare.status(), compare.out() + compare.err());
        assertTrue(compare.out().contains("compare: PASSED: no regression (1 runs matched"), compare.out());
        assertEquals(List.of(), compare.out().lines().filter(l -> l.endsWith("REGRESSION")).toList());
    }

    @Test
    void aMergedRunWithASlowAgentIsALatencyRegression() throws Exception {
        Path merged = merge(agentB(LongStream.of(LATENCY_B).map(v -> v * 10).toArray()));

        RunMergeTest.Result compare = RunMergeTest.harness("compare", "--baseline", oneProcess().toString(),
                "--current", merged.toString(), "--out", dir.resolve("compare").toString());

        assertEquals(1, compare.status(), compare.out() + compare.err());
        List<String> regressions = compare.out().lines().filter(l -> l.endsWith("REGRESSION"))
                .map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertEquals(List.of("latency_mean_ms", "latency_p90_ms", "latency_p99_ms", "latency_p999_ms",
                "latency_max_ms"), regressions, "the latencies of the union, and nothing the counts say: "
                + compare.out());
        assertTrue(compare.out().contains("compare: FAILED: 5 failures in 1 of 1 runs (1 runs matched"),
                compare.out());
    }

    private static AgentFolders.Agent agentA() {
        return new AgentFolders.Agent("agent-a", 100, 10, 50, LATENCY_A, 3_000, 8, 12, 3);
    }

    private static AgentFolders.Agent agentB(long[] latencyMicros) {
        return new AgentFolders.Agent("agent-b", 200, 15, 70, latencyMicros, 3_300, 30, 25, 3);
    }

    private Path merge(AgentFolders.Agent b) throws Exception {
        Path a = AgentFolders.write(dir.resolve("agents"), agentA());
        Path bFolder = AgentFolders.write(dir.resolve("agents"), b);
        // agent 0's reset is the run's one reset, so the merged cross-check stands as one process's does
        AgentFolders.agentWithResets(a, 0, 2, 0L, 1L);
        AgentFolders.agentWithResets(bFolder, 1, 2, 1L, 1L);
        return RunMerge.merge(List.of(a, bFolder), dir.resolve("merged").resolve("sse-merged"), List.of("merge"));
    }

    /** One process that ran both agents' 20 sessions: their counts, their latencies, B's server reading. */
    private Path oneProcess() throws Exception {
        long[] latencies = LongStream.concat(Arrays.stream(LATENCY_A), Arrays.stream(LATENCY_B)).toArray();
        AgentFolders.Agent whole = new AgentFolders.Agent("one-process", 300, 25, 120, latencies, 3_300, 30, 25, 3);
        ClientCounts counts = ClientCounts.sum(List.of(AgentFolders.counts(agentA()),
                AgentFolders.counts(agentB(LATENCY_B))));
        return AgentFolders.write(dir.resolve("baseline"), whole, 20, counts);
    }
}
