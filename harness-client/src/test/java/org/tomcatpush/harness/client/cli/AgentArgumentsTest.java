package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomcatpush.harness.client.launch.AgentsFileBudget;
import org.tomcatpush.harness.client.launch.OpenFileLimit;
import org.tomcatpush.harness.client.run.LoadRun;
import org.tomcatpush.harness.client.run.RunPlan;
import org.tomcatpush.harness.client.scenario.AgentSlice;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What each agent of {@code harness run --agents N} is told: the parent's scenario options as
 * given, without what is the parent's (its folder, name, thresholds, agent count, start time and,
 * when it starts the server, the server's flags), with the agent's own target, slice, start time
 * and folder; and each agent's arguments read by the CLI's own parser as the intended plan. Then
 * the inputs {@code --agents} refuses before anything starts.
 */
class AgentArgumentsTest {

    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());
    private static final Instant START_AT = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);

    @TempDir
    Path dir;

    @Test
    void withoutTargetTheServerFlagsStayWithTheParentAndEachAgentGetsTheStartedServer() {
        AgentArguments args = AgentArguments.of(parse("--agents", "3", "--out", "/runs", "--name", "big",
                "--transport", "sse=50,short-poll=50", "--sessions", "30", "--max-threads", "50", "--duration", "6s",
                "--threshold", "latency_p99_ms<500", "--server-heap", "256m", "--ramp-up=1s", "--browser",
                "--publish-rate", "5", "--source-addresses", "3", "--listen-timeout", "20s", "--threshold",
                "all:messages_lost==0", "--poll-interval", "500ms"), true);

        assertEquals(List.of("--transport", "sse=50,short-poll=50", "--sessions", "30", "--duration", "6s",
                "--ramp-up", "1s", "--browser", "--source-addresses", "3", "--poll-interval", "500ms"),
                args.forwarded(), "--agents, --out, --name, --threshold and the server's flags are the parent's");
        Path out = dir.resolve("agents/agent-1");
        List<String> agentOne = args.forAgent(new AgentSlice(1, 3), URI.create("http://127.0.0.1:4321"), null,
                START_AT, out, "agent-1");
        List<String> expected = new ArrayList<>(args.forwarded());
        expected.addAll(List.of("--target", "http://127.0.0.1:4321", "--agent", "1/3", "--start-at",
                START_AT.toString(), "--out", out.toString(), "--name", "agent-1"));
        assertEquals(expected, agentOne);

        RunPlan plan = RunPlans.plan(agentOne);
        assertEquals(new AgentSlice(1, 3), plan.agent());
        assertEquals(URI.create("http://127.0.0.1:4321"), plan.target());
        assertEquals(START_AT, plan.startAt());
        assertEquals(30, plan.sessions(), "the planned run: every agent's sessions");
        assertEquals(10, plan.processSessions(), "this agent's slice");
        assertEquals(3, plan.sourceAddresses());
        assertTrue(plan.browser());
        assertEquals(out, plan.outDir());
        assertEquals("agent-1", plan.name());
        assertEquals(List.of(), plan.thresholds());
        assertFalse(plan.startsServer());
    }

    @Test
    void withTargetTheTargetsOptionsAreForwardedAndNoTargetIsAdded() {
        AgentArguments args = AgentArguments.of(parse("--target", "http://127.0.0.1:4321", "--agents", "2",
                "--control-token", "00ff", "--transport", "sse", "--sessions", "5", "--start-at",
                START_AT.toString(), "--out", "/runs", "--connect-timeout", "2s"), false);

        assertEquals(List.of("--target", "http://127.0.0.1:4321", "--control-token", "00ff", "--transport", "sse",
                "--sessions", "5", "--connect-timeout", "2s"), args.forwarded(),
                "--start-at is the parent's: it gives every agent the same one");
        Path out = dir.resolve("agents/agent-0");
        List<String> agentZero = args.forAgent(new AgentSlice(0, 2), URI.create("http://127.0.0.1:4321"), null,
                START_AT, out, "agent-0");
        List<String> expected = new ArrayList<>(args.forwarded());
        expected.addAll(List.of("--agent", "0/2", "--start-at", START_AT.toString(), "--out", out.toString(),
                "--name", "agent-0"));
        assertEquals(expected, agentZero);

        RunPlan plan = RunPlans.plan(agentZero);
        assertEquals(new AgentSlice(0, 2), plan.agent());
        assertTrue(plan.agent().resetsServer());
        assertEquals(URI.create("http://127.0.0.1:4321"), plan.target());
        assertEquals(START_AT, plan.startAt());
        assertEquals(3, plan.processSessions(), "5 sessions: 3 for agent 0, 2 for agent 1");
    }

    @Test
    void aStartedServersControlTokenGoesToEveryAgent() {
        AgentArguments args = AgentArguments.of(parse("--agents", "2", "--host", "127.0.0.1"), true);
        assertEquals(List.of(), args.forwarded());
        assertEquals(List.of("--target", "http://127.0.0.1:4321", "--control-token", "abcd", "--agent", "1/2",
                "--start-at", START_AT.toString(), "--out", "o", "--name", "agent-1"),
                args.forAgent(new AgentSlice(1, 2), URI.create("http://127.0.0.1:4321"), "abcd", START_AT,
                        Path.of("o"), "agent-1"));
    }

    @Test
    void zeroAgentsIsBadInputInOneLineAndWritesNothing() {
        CliRun run = CliRun.run(dir.resolve("runs"), "--agents", "0");
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --agents must be at least 1 (got 0): give the number of client processes,"
                + " e.g. --agents 3"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void agentsWithAgentIsBadInputInOneLineAndWritesNothing() {
        CliRun run = CliRun.run(dir.resolve("runs"), "--agents", "2", "--agent", "0/2", "--target",
                "http://127.0.0.1:1");
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --agents starts the agents itself and gives each its --agent I/N: drop --agent"
                + " (or drop --agents to run one agent of a run started elsewhere)"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void agentsWithAProxyIsBadInputInOneLine() {
        CliRun run = CliRun.run(dir.resolve("runs"), "--agents", "2", "--proxy", "nginx");
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --agents runs every agent against one server, and --proxy nginx would start a"
                + " proxy per agent: drop --proxy, or drop --agents"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void moreAgentsThanSessionsIsBadInputInOneLine() {
        CliRun run = CliRun.run(dir.resolve("runs"), "--agents", "3", "--sessions", "2");
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --agents 3 leaves the last agent no session of --sessions 2: run at least 3"
                + " sessions, or fewer agents"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void sourceAddressesOfEveryAgentPastTheLoopbackRangeAreBadInputInOneLine() {
        CliRun run = CliRun.run(dir.resolve("runs"), "--agents", "3", "--source-addresses", "100");
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --source-addresses 100 for each of --agents 3 needs 127.0.0.1 .. 127.0.0.300,"
                + " past the 254 there are: give at most 84 per agent"), run.errLines());
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void anAgentsSliceOverTheOpenFileLimitIsBadInputInOneLineAndWritesNothing() {
        OptionalLong limit = OpenFileLimit.current();
        assumeTrue(limit.isPresent() && limit.getAsLong() < 1_000_000, "no finite open-file limit here");
        // each of the two agents holds limit sessions: more than the limit, with the JVM's own files
        String sessions = Long.toString(limit.getAsLong() * 2);
        CliRun run = CliRun.run(dir.resolve("runs"), "--agents", "2", "--sessions", sessions, "--target",
                "http://127.0.0.1:1");
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertEquals("harness: " + sessions + " sessions over 2 agents need about " + (limit.getAsLong() + 100)
                + " open files per agent, but the limit (per process) is " + limit.getAsLong() + ": raise it with"
                + " `ulimit -n " + (((limit.getAsLong() + 100) * 2 + 4_999) / 5_000) * 5_000 + "` or run fewer"
                + " sessions or more agents", run.errLines().get(0));
        assertFalse(Files.exists(dir.resolve("runs")));
    }

    @Test
    void theOpenFileBudgetOfAgentsIsEachSliceAgainstTheLimitAndTheWholeLoadForTheServer() {
        // 30,000 sessions over 3 agents: 10,000 + 100 per agent, the started server 30,000 + 100
        AgentsFileBudget started = AgentsFileBudget.estimate(30_000, 3, false, 1, true, -1);
        assertEquals(10_100, started.agent().clientFiles());
        assertEquals(30_100, started.server().serverFiles());
        assertEquals("30000 sessions over 3 agents need about 10100 open files per agent and the server about 30100,"
                + " but the limit (per process) is 20000: raise it with `ulimit -n 65000` or run fewer sessions",
                started.check(20_000).orElseThrow());
        assertTrue(started.check(30_100).isEmpty());
        // against a --target elsewhere only the agents count; 10,001 sessions leave the first agent 3,334
        AgentsFileBudget target = AgentsFileBudget.estimate(10_001, 3, false, 1, false, -1);
        assertEquals(3_434, target.agent().clientFiles());
        assertEquals(0, target.server().serverFiles());
        assertTrue(target.check(3_434).isEmpty());
        assertEquals("10001 sessions over 3 agents need about 3434 open files per agent, but the limit (per process)"
                + " is 3000: raise it with `ulimit -n 10000` or run fewer sessions or more agents",
                target.check(3_000).orElseThrow());
    }

    /** picocli's parse of {@code harness run ARGS}: the run subcommand's own result. */
    private static ParseResult parse(String... runArgs) {
        CommandLine cl = HarnessCli.commandLine(new CliContext(DISCARD, DISCARD, LoadRun.sessions()));
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(runArgs));
        cl.parseArgs(all.toArray(String[]::new));
        return cl.getSubcommands().get("run").getParseResult();
    }
}
