package org.tomcatpush.harness.client.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.results.AgentHost;

/**
 * Every run's run.json records the machine its client ran on ({@code environment.host}), so the
 * merge of agents' folders written by the run's own writer names each agent's host without help.
 */
class AgentHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runJsonRecordsTheHostAndTheMergeNamesItPerAgent() throws Exception {
        String host = AgentHost.name();
        assertFalse(host == null || host.isBlank(), "this machine has a name");
        Path a = AgentFolders.write(dir.resolve("host-0"), new AgentFolders.Agent("agent", 100, 10, 50,
                new long[] {1_000, 2_000, 3_000}, 3_000, 8, 12, 3));
        Path b = AgentFolders.write(dir.resolve("host-1"), new AgentFolders.Agent("agent", 200, 15, 70,
                new long[] {1_500, 2_500, 3_500}, 3_300, 30, 25, 3));
        assertEquals(host, JSON.readTree(a.resolve("run.json").toFile()).path("environment").path("host").asText());

        Path merged = RunMerge.merge(List.of(a, b), dir.resolve("merged"), List.of("merge"));

        JsonNode agents = JSON.readTree(merged.resolve("run.json").toFile()).path("merge").path("agents");
        assertEquals(2, agents.size());
        assertEquals(host, agents.path(0).path("host").asText());
        assertEquals(host, agents.path(1).path("host").asText());
    }
}
