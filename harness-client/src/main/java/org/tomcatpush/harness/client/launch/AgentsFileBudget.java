package org.tomcatpush.harness.client.launch;

import java.util.Optional;

/**
 * The open files of a run split over several client processes on this machine ({@code harness run
 * --agents N}): the open-file limit is per process, so each agent needs only its slice (the
 * sessions divided by N, rounded up: the first agents take the remainder), while the server the
 * run starts holds the other end of every agent's sockets. Both are estimated by
 * {@link OpenFileBudget#estimate} and checked against the one limit. Immutable.
 *
 * @param sessions the run's sessions, every agent's together
 * @param agents   the client processes
 * @param agent    the budget of the largest agent's slice
 * @param server   the budget of the whole run's server (its {@code serverFiles} 0 when it is not on this machine)
 */
public record AgentsFileBudget(int sessions, int agents, OpenFileBudget agent, OpenFileBudget server) {

    /**
     * Estimates the budget.
     *
     * @param serverInChild        the run starts the server on this machine
     * @param serverMaxConnections the server's {@code maxConnections}, -1 = unlimited
     */
    public static AgentsFileBudget estimate(int sessions, int agents, boolean browser, int sessionsPerBrowser,
            boolean serverInChild, int serverMaxConnections) {
        int slice = (sessions + agents - 1) / agents;
        return new AgentsFileBudget(sessions, agents,
                OpenFileBudget.estimate(slice, browser, sessionsPerBrowser, false, -1),
                OpenFileBudget.estimate(sessions, browser, sessionsPerBrowser, serverInChild, serverMaxConnections));
    }

    /** The larger need of one process: an agent's client or the server. */
    public long neededFiles() {
        return Math.max(agent.clientFiles(), server.serverFiles());
    }

    /**
     * The one-line complaint when {@code softLimit} is too low for an agent or for the server,
     * else empty; the suggested limit is {@link OpenFileBudget#check}'s rule.
     */
    public Optional<String> check(long softLimit) {
        if (neededFiles() <= softLimit) {
            return Optional.empty();
        }
        long suggested = ((neededFiles() * 2 + 4_999) / 5_000) * 5_000;
        String server = this.server.serverFiles() > 0 ? " and the server about " + this.server.serverFiles() : "";
        return Optional.of(sessions + " sessions over " + agents + " agents need about " + agent.clientFiles()
                + " open files per agent" + server + ", but the limit (per process) is " + softLimit
                + ": raise it with `ulimit -n " + suggested + "` or run fewer sessions"
                + (this.server.serverFiles() > agent.clientFiles() ? "" : " or more agents"));
    }
}
