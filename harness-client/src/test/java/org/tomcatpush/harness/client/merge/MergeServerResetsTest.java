package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

/**
 * The merge proves from the server's count of resets that the merged run saw exactly one (agent
 * 0's): otherwise the server's counts cover more than the merged run, and the client-versus-server
 * cross-check is left blank, with a warning from {@code harness merge} and a finding in the report.
 */
class MergeServerResetsTest {

    private static final long[] LATENCY = {1_000, 2_000, 3_000};

    @TempDir
    Path dir;

    @Test
    void theResetsDuringTheRunAreTheLatestEndCountMinusAgentZerosCountBeforeItsReset() {
        assertEquals(1, new ServerResets(4, 5).duringRun());
        assertTrue(new ServerResets(4, 5).exactlyOne());
        assertNull(new ServerResets(4, 5).problem());
        assertEquals(0, new ServerResets(5, 5).duringRun());
        assertEquals(3, new ServerResets(4, 7).duringRun());
        assertEquals(-1, new ServerResets(-1, 7).duringRun(), "agent 0's count unknown");
        assertEquals(-1, new ServerResets(4, -1).duringRun(), "the latest count unknown");
        assertFalse(new ServerResets(-1, 7).exactlyOne());
    }

    @Test
    void oneResetKeepsTheCrossCheckAndSaysNothing() throws Exception {
        Path[] folders = agents(4L, 5L, 5L, 5L);
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(folders, out);

        assertEquals(ExitStatus.OK, r.status(), r.err());
        assertEquals("", r.err());
        Map<String, String> row = RunMergeTest.summary(out);
        assertEquals("270", row.get("client_minus_server_requests"), "300 client requests, 30 the server's");
        assertEquals("0", row.get("client_minus_server_connections"));
        JsonNode resets = mergeResets(out);
        assertEquals(4, resets.path("beforeAgentZeroReset").asLong());
        assertEquals(5, resets.path("atEnd").asLong());
        assertEquals(1, resets.path("duringRun").asLong());
        assertTrue(resets.path("exactlyOne").asBoolean());
        assertTrue(resets.path("problem").isNull());
        assertFalse(findingTexts(out).stream().anyMatch(t -> t.contains("reset")), findingTexts(out).toString());
    }

    @Test
    void twoResetsLeaveTheCrossCheckBlankWithAWarningAndAFinding() throws Exception {
        // someone reset the server once more while the agents ran: agent 0 read 4, the latest agent 6 at its end
        Path[] folders = agents(4L, 6L, 5L, 6L);
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(folders, out);

        assertEquals(ExitStatus.OK, r.status(), r.err());
        String problem = "the server was reset 2 times during the merged run, not once (4 resets before agent 0's,"
                + " 6 at the latest agent's end): another client reset it, or more than one agent ran as index 0:"
                + " the server's counts do not cover the merged run alone, so the client-versus-server cross-check"
                + " (client_minus_server_requests, client_minus_server_connections, closes_server_unexplained) is"
                + " left blank";
        assertEquals("harness: merge: warning: " + problem, r.err().strip());
        Map<String, String> row = RunMergeTest.summary(out);
        assertEquals("", row.get("client_minus_server_requests"));
        assertEquals("", row.get("client_minus_server_connections"));
        assertEquals("", row.get("closes_server_unexplained"));
        assertEquals("30", row.get("server_requests"), "the server's own figure is kept");
        assertEquals("300", row.get("requests"));
        JsonNode resets = mergeResets(out);
        assertEquals(2, resets.path("duringRun").asLong());
        assertFalse(resets.path("exactlyOne").asBoolean());
        assertEquals(problem, resets.path("problem").asText());
        List<Finding> findings = Findings.evaluate(RunLoader.load(out));
        assertTrue(findings.contains(new Finding(Severity.WARNING, problem)), findings.toString());
        assertFalse(findingTexts(out).stream().anyMatch(t -> t.contains("client and server counts differ")),
                "no difference that is not real: " + findingTexts(out));
    }

    @Test
    void aFolderWithoutTheCountLeavesTheCrossCheckBlank() throws Exception {
        Path[] folders = agents(null, null, 5L, 5L);
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(folders, out);

        assertEquals(ExitStatus.OK, r.status(), r.err());
        assertTrue(r.err().startsWith("harness: merge: warning: the server's count of resets is missing from an"
                + " agent's run.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", RunMergeTest.summary(out).get("client_minus_server_requests"));
        JsonNode resets = mergeResets(out);
        assertTrue(resets.path("beforeAgentZeroReset").isNull());
        assertTrue(resets.path("duringRun").isNull());
        assertFalse(resets.path("exactlyOne").asBoolean());
    }

    @Test
    void noResetDuringTheRunLeavesTheCrossCheckBlank() throws Exception {
        Path[] folders = agents(5L, 5L, 5L, 5L);
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(folders, out);

        assertTrue(r.err().startsWith("harness: merge: warning: the server was not reset during the merged run"
                + " (agent 0 read 5 resets before its reset and the latest folder 5 at its end)"), r.err());
        assertEquals("", RunMergeTest.summary(out).get("client_minus_server_connections"));
        assertEquals(0, mergeResets(out).path("duringRun").asLong());
    }

    @Test
    void aForeignTargetHasNoResetsToProveAndTheMergeSaysNothingOfThem() throws Exception {
        // agents against an application given with --endpoints: no /harness/*, so no count of resets either
        Path[] folders = agents(null, null, null, null);
        ObjectMapper json = new ObjectMapper();
        for (Path folder : folders) {
            ObjectNode root = (ObjectNode)
                    json.readTree(folder.resolve("run.json").toFile());
            root.with("server").put("mode", "foreign");
            json.writeValue(folder.resolve("run.json").toFile(), root);
        }
        Path out = dir.resolve("merged");

        RunMergeTest.Result r = merge(folders, out);

        assertEquals(ExitStatus.OK, r.status(), r.err());
        assertEquals("", r.err(), "nothing to warn of");
        JsonNode resets = mergeResets(out);
        assertFalse(resets.path("applicable").asBoolean(true), resets.toString());
        assertFalse(findingTexts(out).stream().anyMatch(t -> t.contains("reset")), findingTexts(out).toString());
    }

    /** Agent 0 (A, ends first) and agent 1 (B, ends last) with their counts of the server's resets. */
    private Path[] agents(Long beforeA, Long atEndA, Long beforeB, Long atEndB) throws Exception {
        Path a = AgentFolders.write(dir.resolve("runs"), new AgentFolders.Agent("agent-a", 100, 10, 50, LATENCY, 3_000,
                8, 12, 3));
        Path b = AgentFolders.write(dir.resolve("runs"), new AgentFolders.Agent("agent-b", 200, 15, 70, LATENCY, 3_300,
                30, 25, 3));
        AgentFolders.agentWithResets(a, 0, 2, beforeA, atEndA);
        AgentFolders.agentWithResets(b, 1, 2, beforeB, atEndB);
        return new Path[] {a, b};
    }

    private static RunMergeTest.Result merge(Path[] folders, Path out) {
        return RunMergeTest.harness("merge", folders[0].toString(), folders[1].toString(), "--out", out.toString());
    }

    private static JsonNode mergeResets(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("merge").path("serverResets");
    }

    private static List<String> findingTexts(Path out) {
        return Findings.evaluate(RunLoader.load(out)).stream().map(Finding::text).toList();
    }
}
