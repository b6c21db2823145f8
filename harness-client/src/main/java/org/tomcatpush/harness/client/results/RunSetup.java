package org.tomcatpush.harness.client.results;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.serverstats.ClockOffset;

/**
 * What a run was asked to do: the scenario, the server's knobs and how the server was run.
 * Immutable.
 *
 * @param name          the run's name (sanitised), part of its folder name
 * @param scenario      the load scenario
 * @param settings      the server knobs results are keyed by
 * @param serverConfig  every server knob, as the server reported it (or as the harness started it)
 * @param serverMode    {@code child} (the harness started the server) or {@code target} (a running server)
 * @param serverHeap    {@code -Xmx} of a child server, {@code null} for the JVM default
 * @param serverPid     the child server's process id, -1 for a running target
 * @param sessionsPerTransport how many sessions the mix gave each transport
 * @param commandLine   the arguments the run was started with
 * @param proxy         the reverse proxy the sessions went through, {@link ProxyInfo#NONE} for none
 * @param startAt       the {@code --start-at} the ramp-up waited for, or {@code null}
 * @param clockOffset   the server's clock against this machine's, or {@code null} when not read
 *                      (a foreign target, or a server that did not answer)
 * @param serverResetsBeforeRun the server's count of resets since it started, read before the run
 *                      (before agent 0's reset), -1 when unknown (a foreign target, an older server)
 */
public record RunSetup(String name, Scenario scenario, ServerSettings settings, JsonNode serverConfig,
        String serverMode, String serverHeap, long serverPid, Map<String, Integer> sessionsPerTransport,
        List<String> commandLine, ProxyInfo proxy, Instant startAt, ClockOffset clockOffset,
        long serverResetsBeforeRun) {

    /** A setup without a reading of the server's resets. */
    public RunSetup(String name, Scenario scenario, ServerSettings settings, JsonNode serverConfig, String serverMode,
            String serverHeap, long serverPid, Map<String, Integer> sessionsPerTransport, List<String> commandLine,
            ProxyInfo proxy, Instant startAt, ClockOffset clockOffset) {
        this(name, scenario, settings, serverConfig, serverMode, serverHeap, serverPid, sessionsPerTransport,
                commandLine, proxy, startAt, clockOffset, -1);
    }

    /** A setup without a start time to wait for and without a clock reading. */
    public RunSetup(String name, Scenario scenario, ServerSettings settings, JsonNode serverConfig, String serverMode,
            String serverHeap, long serverPid, Map<String, Integer> sessionsPerTransport, List<String> commandLine,
            ProxyInfo proxy) {
        this(name, scenario, settings, serverConfig, serverMode, serverHeap, serverPid, sessionsPerTransport,
                commandLine, proxy, null, null);
    }

    public RunSetup {
        java.util.Objects.requireNonNull(proxy, "proxy");
        serverConfig = serverConfig.deepCopy();
        sessionsPerTransport = Map.copyOf(sessionsPerTransport);
        commandLine = List.copyOf(commandLine);
    }

    /** A setup without a proxy. */
    public RunSetup(String name, Scenario scenario, ServerSettings settings, JsonNode serverConfig, String serverMode,
            String serverHeap, long serverPid, Map<String, Integer> sessionsPerTransport, List<String> commandLine) {
        this(name, scenario, settings, serverConfig, serverMode, serverHeap, serverPid, sessionsPerTransport,
                commandLine, ProxyInfo.NONE);
    }
}
