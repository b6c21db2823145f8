package org.tomcatpush.harness.client.merge;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tomcatpush.harness.client.results.RunJson;

/**
 * How many times the server's counters were reset during a merged run, from the count of resets
 * the server keeps since it started ({@code /harness/stats}'s {@code resets.sinceStart}), which
 * every agent records in its {@code run.json} ({@code serverResets.beforeRun}, read before agent
 * 0's reset, and {@code serverResets.atEnd}): the latest folder's count at its end minus the count
 * agent 0 read before its reset. The server's figures cover exactly the merged run only when that
 * is 1: 0 or 2 and more (another client reset the server, or two agents ran as index 0), or a
 * count that is unknown (a folder of an older harness or server), means the client-versus-server
 * cross-check would show a difference that is not real, so the merge leaves it blank and says why
 * ({@link #problem()}). Immutable.
 *
 * @param beforeAgentZeroReset agent 0's count before its reset (the smallest, if several folders
 *                             are index 0), -1 when unknown
 * @param atEnd                the latest folder's count at its end, -1 when unknown
 * @param applicable           false for a foreign target ({@code --endpoints}): it has no counters
 *                             to reset and no cross-check to keep, so there is nothing to prove
 */
record ServerResets(long beforeAgentZeroReset, long atEnd, boolean applicable) {

    /** The resets of a harness-server target. */
    ServerResets(long beforeAgentZeroReset, long atEnd) {
        this(beforeAgentZeroReset, atEnd, true);
    }

    /** The summary.csv columns that compare the client's counts with the server's. */
    static final List<String> CROSS_CHECK = List.of("client_minus_server_requests", "client_minus_server_connections",
            "closes_server_unexplained");

    /**
     * Reads the counts of {@code folders}; {@code latest} is the folder whose server reading the
     * merge takes (the latest end). A folder without an {@code agent} object is a whole run: agent 0.
     */
    static ServerResets of(List<AgentFolder> folders, AgentFolder latest) {
        if (RunJson.FOREIGN_SERVER_MODE.equals(latest.runJson().path("server").path("mode").asText())) {
            return new ServerResets(-1, -1, false);
        }
        long before = Long.MAX_VALUE;
        for (AgentFolder folder : folders) {
            if (folder.agent().path("index").asInt(0) != 0) {
                continue;
            }
            long count = count(folder.runJson().path("serverResets").path("beforeRun"));
            before = Math.min(before, count);
        }
        return new ServerResets(before == Long.MAX_VALUE ? -1 : before,
                count(latest.runJson().path("serverResets").path("atEnd")));
    }

    /** Resets during the merged run, -1 when unknown. */
    long duringRun() {
        return beforeAgentZeroReset < 0 || atEnd < 0 ? -1 : atEnd - beforeAgentZeroReset;
    }

    /** The server was reset exactly once, by agent 0: its figures are the merged run's. */
    boolean exactlyOne() {
        return duringRun() == 1;
    }

    /** Why the server's figures are not the merged run's alone, in one sentence; {@code null} when they are. */
    String problem() {
        if (!applicable) {
            return null;
        }
        long during = duringRun();
        String consequence = ": the server's counts do not cover the merged run alone, so the client-versus-server"
                + " cross-check (" + String.join(", ", CROSS_CHECK) + ") is left blank";
        if (during == 1) {
            return null;
        }
        if (during < 0) {
            return "the server's count of resets is missing from an agent's run.json (a folder of an older harness"
                    + " or server, or no folder of agent 0), so the merged run cannot show that the server was reset"
                    + " exactly once" + consequence;
        }
        if (during == 0) {
            return "the server was not reset during the merged run (agent 0 read " + beforeAgentZeroReset
                    + " resets before its reset and the latest folder " + atEnd + " at its end)" + consequence;
        }
        return "the server was reset " + during + " times during the merged run, not once (" + beforeAgentZeroReset
                + " resets before agent 0's, " + atEnd + " at the latest agent's end): another client reset it, or"
                + " more than one agent ran as index 0" + consequence;
    }

    /** Leaves the cross-check cells of {@code rows} blank unless the server was reset exactly once. */
    void blankCrossCheckUnlessExact(List<Map<String, String>> rows) {
        if (!applicable || exactlyOne()) {
            // a foreign target's cross-check cells are blank already: it has no ledger
            return;
        }
        for (Map<String, String> row : rows) {
            for (String column : CROSS_CHECK) {
                row.computeIfPresent(column, (c, v) -> "");
            }
        }
    }

    /** The counts, the resets during the run and the problem, as {@code run.json}'s {@code merge.serverResets}. */
    void writeTo(ObjectNode node) {
        if (!applicable) {
            node.put("applicable", false);
            node.put("reason", "the target is not harness-server (--endpoints): it has no counters to reset");
            return;
        }
        put(node, "beforeAgentZeroReset", beforeAgentZeroReset);
        put(node, "atEnd", atEnd);
        put(node, "duringRun", duringRun());
        node.put("exactlyOne", exactlyOne());
        node.put("problem", problem());
    }

    private static long count(JsonNode node) {
        return node.isIntegralNumber() && node.asLong() >= 0 ? node.asLong() : -1;
    }

    private static void put(ObjectNode node, String field, long count) {
        if (count < 0) {
            node.putNull(field);
        } else {
            node.put(field, count);
        }
    }
}
