package org.tomcatpush.harness.client.scenario;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of N agents this process is ({@code --agent I/N}), and so which slice of the planned
 * sessions it runs. Every transport of the mix is split the same way: its {@code k} sessions go
 * {@code k / N} to each agent, the remainder one each to the first agents, so the N slices add
 * up exactly to what one process would run. Session ids are the planned run's: agent {@code I}
 * has the ids from the sum of the slices before it on, so no two agents share one. Each agent
 * spreads its own slice over the whole ramp-up, so that N agents started together ramp like one.
 * Only agent 0 resets the server's counters. Immutable.
 *
 * <pre>
 * AgentSlice agent = AgentSlice.parse("1/3");
 * List&lt;Transport&gt; mine = agent.transports(mix, 10);  // this agent's sessions, interleaved
 * int firstId = agent.firstSessionId(mix, 10);
 * </pre>
 *
 * @param index this agent, 0 .. count - 1
 * @param count how many agents share the run, at least 1
 */
public record AgentSlice(int index, int count) {

    /** One process running the whole plan. */
    public static final AgentSlice WHOLE = new AgentSlice(0, 1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public AgentSlice {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("agent " + index + "/" + count + " is not I/N with 0 <= I < N");
        }
    }

    /**
     * Reads {@code I/N}. @throws IllegalArgumentException with a one-line message naming the
     * form, e.g. for {@code 3/2}, {@code -1/3}, {@code a/b} or {@code 0/0}
     */
    public static AgentSlice parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (m.matches()) {
            int index = Integer.parseInt(m.group(1));
            int count = Integer.parseInt(m.group(2));
            if (count >= 1 && index < count) {
                return new AgentSlice(index, count);
            }
        }
        throw new IllegalArgumentException("--agent '" + text + "' is not I/N with 0 <= I < N (agent I of N,"
                + " counted from 0): write e.g. 0/3 for the first of three agents");
    }

    /** This process runs the whole plan (no {@code --agent}, or {@code 0/1}). */
    public boolean whole() {
        return count == 1;
    }

    /** Only the first agent zeroes the server's counters: the others join a run it has begun. */
    public boolean resetsServer() {
        return index == 0;
    }

    /** This agent's sessions of each transport of {@code mix}, of {@code plannedSessions} in all. */
    public Map<Transport, Integer> sessionsPerTransport(TransportMix mix, int plannedSessions) {
        return sliceOf(index, mix.counts(plannedSessions));
    }

    /** How many sessions this agent runs, of {@code plannedSessions} in all. */
    public int sessions(TransportMix mix, int plannedSessions) {
        return total(sessionsPerTransport(mix, plannedSessions));
    }

    /** The id of this agent's first session: the sessions of the agents before it come first. */
    public int firstSessionId(TransportMix mix, int plannedSessions) {
        Map<Transport, Integer> planned = mix.counts(plannedSessions);
        int first = 0;
        for (int agent = 0; agent < index; agent++) {
            first += total(sliceOf(agent, planned));
        }
        return first;
    }

    /** This agent's sessions in the order they start, each transport spread evenly over the ramp-up. */
    public List<Transport> transports(TransportMix mix, int plannedSessions) {
        return TransportMix.interleave(sessionsPerTransport(mix, plannedSessions));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private Map<Transport, Integer> sliceOf(int agent, Map<Transport, Integer> planned) {
        Map<Transport, Integer> slice = new EnumMap<>(Transport.class);
        planned.forEach((t, n) -> slice.put(t, n / count + (agent < n % count ? 1 : 0)));
        return slice;
    }

    private static int total(Map<Transport, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
