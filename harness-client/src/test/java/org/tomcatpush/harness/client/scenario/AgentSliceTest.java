package org.tomcatpush.harness.client.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The slicing arithmetic of {@code --agent I/N}: exact slices that add up to the whole plan. */
class AgentSliceTest {

    @Test
    void tenSessionsOfAnEvenMixOverThreeAgentsGiveTheRemainderToTheFirstAgents() {
        TransportMix mix = TransportMix.parse("sse=50,short-poll=50");

        assertEquals(Map.of(Transport.SHORT_POLL, 2, Transport.SSE, 2), slice(0, 3).sessionsPerTransport(mix, 10));
        assertEquals(Map.of(Transport.SHORT_POLL, 2, Transport.SSE, 2), slice(1, 3).sessionsPerTransport(mix, 10));
        assertEquals(Map.of(Transport.SHORT_POLL, 1, Transport.SSE, 1), slice(2, 3).sessionsPerTransport(mix, 10));
        assertEquals(List.of(0, 4, 8), List.of(slice(0, 3).firstSessionId(mix, 10),
                slice(1, 3).firstSessionId(mix, 10), slice(2, 3).firstSessionId(mix, 10)));
    }

    /** sessions, mix, agents, then each agent's session count in order. */
    @ParameterizedTest(name = "{0} sessions of {1} over {2} agents: {3}")
    @CsvSource(delimiter = ';', value = {
        "10; sse=50,short-poll=50; 3; 4 4 2",
        "10; sse; 3; 4 3 3",
        "10; sse=70,ws=30; 4; 3 3 3 1",
        "7; short-poll,long-poll,sse,ws; 2; 4 3",
        "100; sse=1,ws=1,short-poll=1; 7; 15 15 15 15 15 13 12",
        "5; sse; 5; 1 1 1 1 1",
        "1; sse; 1; 1",
        "30000; sse=50,short-poll=50; 6; 5000 5000 5000 5000 5000 5000"})
    void slicesAddUpToThePlanTransportByTransportWithDisjointIds(int sessions, String mixText, int agents,
            String expectedSizes) {
        TransportMix mix = TransportMix.parse(mixText);
        Map<Transport, Integer> summed = new EnumMap<>(Transport.class);
        List<Integer> sizes = new ArrayList<>();
        int nextId = 0;
        for (int i = 0; i < agents; i++) {
            AgentSlice agent = slice(i, agents);
            List<Transport> mine = agent.transports(mix, sessions);
            assertEquals(agent.sessions(mix, sessions), mine.size());
            assertEquals(nextId, agent.firstSessionId(mix, sessions), "ids follow on from the agent before");
            nextId += mine.size();
            sizes.add(mine.size());
            mine.forEach(t -> summed.merge(t, 1, Integer::sum));
            agent.sessionsPerTransport(mix, sessions).forEach((t, n) -> {
                int planned = mix.counts(sessions).get(t);
                assertTrue(n == planned / agents || n == planned / agents + 1, t + " split evenly: " + n);
            });
        }
        assertEquals(sessions, nextId, "the id ranges cover 0 .. sessions - 1 exactly once");
        Map<Transport, Integer> planned = new EnumMap<>(Transport.class);
        mix.assign(sessions).forEach(t -> planned.merge(t, 1, Integer::sum));
        assertEquals(planned, summed, "the slices add up to what one process runs");
        assertEquals(expectedSizes, String.join(" ", sizes.stream().map(String::valueOf).toList()));
    }

    @Test
    void theWholePlanIsOneAgentRunningEverySessionInTheSameOrder() {
        TransportMix mix = TransportMix.parse("sse=70,ws=20,short-poll=10");
        assertEquals(mix.assign(23), AgentSlice.WHOLE.transports(mix, 23));
        assertEquals(0, AgentSlice.WHOLE.firstSessionId(mix, 23));
        assertTrue(AgentSlice.WHOLE.whole());
        assertTrue(AgentSlice.WHOLE.resetsServer());
    }

    @Test
    void onlyTheFirstAgentResetsTheServer() {
        assertTrue(slice(0, 3).resetsServer());
        assertFalse(slice(1, 3).resetsServer());
        assertFalse(slice(2, 3).resetsServer());
    }

    @Test
    void parsesIndexSlashCount() {
        assertEquals(new AgentSlice(2, 5), AgentSlice.parse("2/5"));
        assertEquals("2/5", AgentSlice.parse("2/5").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3/2", "2/2", "-1/3", "a/b", "0/0", "1", "1/", "/3", "1/3/4", ""})
    void refusesWhatIsNotAnAgentOfN(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AgentSlice.parse(text));
        assertEquals("--agent '" + text + "' is not I/N with 0 <= I < N (agent I of N, counted from 0): write e.g."
                + " 0/3 for the first of three agents", e.getMessage());
    }

    private static AgentSlice slice(int index, int count) {
        return new AgentSlice(index, count);
    }
}
