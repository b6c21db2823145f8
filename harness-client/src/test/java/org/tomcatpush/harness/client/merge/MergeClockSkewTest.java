package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.findings.Findings;
import org.tomcatpush.harness.client.report.findings.Severity;
import org.tomcatpush.harness.client.report.load.RunLoader;
import org.tomcatpush.harness.client.serverstats.ClockOffset;

/**
 * A merged run whose agents had clocks of their own: each agent's offset to the server stays in
 * its entry, and an agent whose clock was off says so, in its own run's words, from
 * {@code harness merge}, in run.json and as a warning finding; agents whose clocks agree with the
 * server's say nothing.
 */
class MergeClockSkewTest {

    private static final long[] LATENCY = {1_000, 2_000, 3_000};

    @TempDir
    Path dir;

    @Test
    void anAgentWhoseClockWasOffIsNamedWithItsOwnSentence() throws Exception {
        Path[] folders = agents(new ClockOffset(1, 2), new ClockOffset(40, 4));
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(folders, out);

        assertEquals(ExitStatus.OK, r.status(), r.err());
        String problem = "agent 1 (" + folders[1].getFileName() + "): " + new ClockOffset(40, 4).problem().orElseThrow();
        assertEquals("harness: merge: warning: " + problem, r.err().strip());
        JsonNode runJson = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertEquals(problem, runJson.path("merge").path("clockProblem").asText());
        assertFalse(runJson.has("clockOffset"), "no one clock speaks for every agent: " + runJson.path("clockOffset"));
        assertEquals(1, runJson.path("merge").path("agents").get(0).path("clockOffset").path("offsetMs").asLong());
        assertEquals(40, runJson.path("merge").path("agents").get(1).path("clockOffset").path("offsetMs").asLong());
        List<Finding> findings = Findings.evaluate(RunLoader.load(out));
        assertTrue(findings.contains(new Finding(Severity.WARNING, problem)), findings.toString());
    }

    @Test
    void agentsWhoseClocksAgreeWithTheServersSayNothing() throws Exception {
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(agents(new ClockOffset(0, 1), new ClockOffset(-2, 3)), out);

        assertEquals("", r.err());
        assertTrue(new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("merge").path("clockProblem")
                .isNull());
        assertFalse(Findings.evaluate(RunLoader.load(out)).stream().anyMatch(f -> f.text().contains("clock")));
    }

    /** Agent 0 and agent 1 of one run (reset once), with their clock offsets recorded as a run records them. */
    private Path[] agents(ClockOffset a, ClockOffset b) throws Exception {
        Path first = AgentFolders.write(dir.resolve("runs"), new AgentFolders.Agent("agent-a", 100, 10, 50, LATENCY,
                3_000, 8, 12, 3));
        Path second = AgentFolders.write(dir.resolve("runs"), new AgentFolders.Agent("agent-b", 200, 15, 70, LATENCY,
                3_300, 30, 25, 3));
        AgentFolders.agentWithResets(first, 0, 2, 4L, 5L);
        AgentFolders.agentWithResets(second, 1, 2, 5L, 5L);
        withClock(first, a);
        withClock(second, b);
        return new Path[] {first, second};
    }

    private static void withClock(Path folder, ClockOffset clock) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(folder.resolve("run.json").toFile());
        root.putObject("clockOffset").put("offsetMs", clock.offsetMs()).put("roundTripMs", clock.roundTripMs())
                .put("problem", clock.problem().orElse(null));
        json.writeValue(folder.resolve("run.json").toFile(), root);
    }

    private static RunMergeTest.Result merge(Path[] folders, Path out) {
        return RunMergeTest.harness("merge", folders[0].toString(), folders[1].toString(), "--out", out.toString());
    }
}
