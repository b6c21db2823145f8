package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.run.LoadRun;

/**
 * {@code harness run --agents 3}: three client JVMs against the one server the run starts, merged
 * into one ordinary run folder whose counts agree with the server's; and, with the run as a real
 * process, Ctrl-C (SIGINT) and a killed agent stop every agent and the server, leaving a folder
 * that says how the run ended, and a run killed outright leaves no agent and no server behind.
 */
@Timeout(300)
class AgentsRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AGENT_STARTED = Pattern.compile("harness: agent (\\d+)/3 started \\(pid (\\d+)\\)");
    private static final Pattern AGENT_PROGRESS = Pattern.compile("agent (\\d+)/3: \\[\\s*\\d+s/60s\\] sessions ");

    @TempDir
    Path out;

    @Test
    void threeAgentsMergeIntoOneRunFolderThatAgreesWithTheServer() throws Exception {
        CliRun run = CliRun.run(out, "--agents", "3", "--transport", "sse=50,short-poll=50", "--sessions", "30",
                "--ramp-up", "1s", "--duration", "6s", "--poll-interval", "500ms", "--publish-rate", "5",
                "--threshold", "all:sessions_opened==30");

        assertEquals(0, run.exit(), run.out() + run.err());
        Path folder = BackgroundRun.onlyFolder(out);
        Map<String, CSVRecord> rows = summary(folder);
        assertEquals(List.of("short-poll", "sse", "all"), List.copyOf(rows.keySet()));
        assertEquals("30", rows.get("all").get("sessions"), "the planned sessions, every agent's together");
        assertEquals("15", rows.get("sse").get("sessions"));
        assertEquals("15", rows.get("short-poll").get("sessions"));
        assertEquals("30", rows.get("all").get("sessions_opened"));
        assertEquals("0", rows.get("all").get("client_minus_server_requests"), "merged requests = the server's");
        assertEquals("0", rows.get("all").get("client_minus_server_connections"));
        assertEquals("completed", rows.get("all").get("status"));
        assertEquals(folder.getFileName().toString(), rows.get("all").get("run_id"));
        for (String file : List.of("summary.csv", "timeseries.csv", "latency.hlog", "run.json", "report.html",
                "thresholds.xml")) {
            assertTrue(Files.isRegularFile(folder.resolve(file)), file);
        }

        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("completed", json.path("status").asText());
        assertEquals(3, json.path("agents").path("count").asInt());
        assertEquals(3, json.path("agents").path("processes").size());
        assertEquals(3, json.path("merge").path("agents").size());
        for (int i = 0; i < 3; i++) {
            JsonNode agent = json.path("agents").path("processes").get(i);
            assertEquals(i, agent.path("index").asInt());
            assertEquals(0, agent.path("exitStatus").asInt());
            Path agentFolder = folder.resolve(agent.path("folder").asText());
            assertTrue(agentFolder.startsWith(folder.resolve("agents/agent-" + i)), agentFolder.toString());
            assertEquals(i, JSON.readTree(agentFolder.resolve("run.json").toFile()).path("agent").path("index").asInt());
            assertEquals(10, Integer.parseInt(summary(agentFolder).get("all").get("sessions")));
            assertTrue(Files.isRegularFile(folder.resolve("agents/agent-" + i + "/stderr.txt")));
        }
        assertEquals(1, json.path("thresholdOutcomes").size());
        assertFalse(json.path("thresholdOutcomes").get(0).path("breached").asBoolean());
        assertTrue(run.out().contains("results: " + folder), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("all\\s+30/30\\s.*")), run.out());
        for (int i = 0; i < 3; i++) {
            assertTrue(run.err().contains("harness: agent " + i + "/3 exited with status 0"), run.err());
            String progress = "agent " + i + "/3: \\[\\s+5s/6s\\] sessions \\d+/10 .*";
            assertTrue(run.err().lines().anyMatch(l -> l.matches(progress)), "the agent's progress, live: " + run.err());
        }
        assertEquals(List.of(), BackgroundRun.childServers(), "no agent or server left running");
    }

    @Test
    void aThresholdIsJudgedOnceOnTheMergedSummary() throws Exception {
        CliRun run = CliRun.run(out, "--agents", "2", "--transport", "sse", "--sessions", "4", "--ramp-up", "0",
                "--duration", "3s", "--publish-rate", "5", "--threshold", "sessions<4");

        assertEquals(3, run.exit(), run.out() + run.err());
        Path folder = BackgroundRun.onlyFolder(out);
        assertEquals("thresholds-breached", summary(folder).get("sse").get("status"));
        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("thresholds-breached", json.path("status").asText());
        assertEquals("sessions<4", json.path("thresholds").get(0).asText());
        assertEquals(4.0, json.path("thresholdOutcomes").get(0).path("observed").asDouble(), "the merged 4, not 2");
        assertTrue(Files.readString(folder.resolve("thresholds.xml")).contains("threshold breached: "));
        assertTrue(run.out().contains("threshold breached: sse sessions<4 (was 4)"), run.out());
        for (int i = 0; i < 2; i++) {
            JsonNode agent = JSON.readTree(folder.resolve(json.path("agents").path("processes").get(i).path("folder")
                    .asText()).resolve("run.json").toFile());
            assertEquals("completed", agent.path("status").asText(), "no agent judged the threshold on its own slice");
            assertEquals(0, agent.path("thresholds").size());
        }
    }

    /** Whether this process ignores SIGINT (bit 2 of /proc/self/status's SigIgn), as its children then do. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    @Test
    void ctrlCStopsEveryAgentAndTheServerAndMergesWhatTheyMeasured() throws Exception {
        try (Parent parent = Parent.start(out)) {
            List<ProcessHandle> seen = parent.awaitAgentsUnderLoad();
            // a process started with SIGINT ignored (a background job of a non-interactive shell) passes that on to
            // its children, and the JVM then leaves SIGINT ignored: SIGTERM takes the same way out (SignalExit)
            String signal = sigintIgnored() ? "TERM" : "INT";
            BackgroundRun.signal(parent.process.toHandle(), signal);

            assertTrue(parent.process.waitFor(90, TimeUnit.SECONDS), "the run did not stop within 90 s of SIG" + signal);
            assertEquals(130, parent.process.exitValue(), parent.err());
            for (ProcessHandle p : seen) {
                assertTrue(BackgroundRun.awaitGone(p, Duration.ofSeconds(10)), "process " + p.pid() + " " + p.info()
                        + " outlived the run");
            }
        }
        Path folder = BackgroundRun.onlyFolder(out);
        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("interrupted", json.path("status").asText());
        assertTrue(json.path("failure").asText().startsWith("stopped by a signal (Ctrl-C or SIGTERM) after "),
                json.path("failure").asText());
        assertEquals(3, json.path("merge").path("agents").size(), "every agent wrote what it measured");
        assertEquals("interrupted", summary(folder).get("sse").get("status"));
        assertEquals("6", summary(folder).get("sse").get("sessions"));
    }

    @Test
    void aKilledAgentStopsTheOthersAndTheServerAndTheRunFails() throws Exception {
        try (Parent parent = Parent.start(out)) {
            List<ProcessHandle> seen = parent.awaitAgentsUnderLoad();
            ProcessHandle agentOne = ProcessHandle.of(parent.agentPids().get(1)).orElseThrow();
            agentOne.destroyForcibly(); // SIGKILL: it writes nothing

            assertTrue(parent.process.waitFor(90, TimeUnit.SECONDS), "the run did not stop within 90 s");
            assertEquals(1, parent.process.exitValue(), parent.err());
            for (ProcessHandle p : seen) {
                assertTrue(BackgroundRun.awaitGone(p, Duration.ofSeconds(10)), "process " + p.pid() + " " + p.info()
                        + " outlived the run");
            }
        }
        Path folder = BackgroundRun.onlyFolder(out);
        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        assertEquals("failed", json.path("status").asText());
        String failure = json.path("failure").asText();
        assertTrue(failure.startsWith("agent 1/3 exited with status 137 (killed by signal 9, SIGKILL): "), failure);
        // its last stderr line: a progress line, which is why the test waited for one
        assertTrue(failure.contains(": [ "), failure);
        JsonNode processes = json.path("agents").path("processes");
        assertEquals(137, processes.get(1).path("exitStatus").asInt());
        assertTrue(processes.get(1).path("folder").isNull(), "the killed agent wrote no folder");
        assertEquals(2, json.path("merge").path("agents").size(), "the two stopped agents' folders are merged");
        assertEquals("failed", summary(folder).get("sse").get("status"));
    }

    @Test
    void aRunKilledOutrightTakesItsAgentsAndItsServerWithIt() throws Exception {
        try (Parent parent = Parent.start(out)) {
            List<ProcessHandle> seen = parent.awaitAgentsUnderLoad();
            parent.process.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
            assertTrue(parent.process.waitFor(30, TimeUnit.SECONDS), "the run did not die");

            // each agent stops as on Ctrl-C (it writes its folder first), the server when its stdin closes
            for (ProcessHandle p : seen) {
                assertTrue(BackgroundRun.awaitGone(p, LoadRun.SHUTDOWN_WAIT.plusSeconds(15)), "process " + p.pid()
                        + " " + p.info() + " outlived its killed run");
            }
        }
    }

    private static Map<String, CSVRecord> summary(Path folder) throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(folder.resolve("summary.csv"));
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            csv.forEach(r -> rows.put(r.get("transport"), r));
        }
        return rows;
    }

    /** {@code harness run --agents 3} as a process of its own, its stderr collected line by line. */
    private static final class Parent implements AutoCloseable {
        final Process process;
        final List<String> errLines = new CopyOnWriteArrayList<>();

        private Parent(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = err.readLine()) != null) {
                        errLines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "parent-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        static Parent start(Path out) throws IOException {
            List<String> command = new ArrayList<>(List.of(ServerLaunch.currentJava().toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), HarnessCli.class.getName(), "run", "--agents", "3",
                    "--out", out.toString(), "--transport", "sse", "--sessions", "6", "--ramp-up", "0",
                    "--duration", "60s", "--publish-rate", "5"));
            return new Parent(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }

        /** The agents' pids by index, from the parent's "agent I/3 started (pid P)" lines. */
        List<Long> agentPids() {
            Long[] pids = new Long[3];
            for (String line : errLines) {
                Matcher m = AGENT_STARTED.matcher(line);
                if (m.lookingAt()) {
                    pids[Integer.parseInt(m.group(1))] = Long.parseLong(m.group(2));
                }
            }
            return List.of(pids);
        }

        /**
         * Waits until the three agents run and the parent has shown a progress line of each (its
         * load runs), and returns every descendant of the parent then: the server and the three agents.
         */
        List<ProcessHandle> awaitAgentsUnderLoad() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the run ended early: " + err());
                }
                if (errLines.stream().filter(l -> AGENT_STARTED.matcher(l).lookingAt()).count() == 3
                        && agentsShowingProgress() == 3) {
                    List<ProcessHandle> descendants = process.toHandle().descendants().toList();
                    List<Long> pids = descendants.stream().map(ProcessHandle::pid).toList();
                    assertTrue(pids.containsAll(agentPids()), "agents " + agentPids() + " among " + pids);
                    assertEquals(4, descendants.size(), "three agents and the server: " + descendants);
                    return descendants;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the agents' load did not start within 90 s: " + err());
        }

        /** How many agents' progress lines ("agent I/3: [   5s/60s] ...") the parent has printed, live. */
        private long agentsShowingProgress() {
            return errLines.stream().map(AGENT_PROGRESS::matcher).filter(Matcher::lookingAt).map(m -> m.group(1))
                    .distinct().count();
        }

        String err() {
            return String.join("\n", errLines);
        }

        @Override
        public void close() {
            List<ProcessHandle> left = process.toHandle().descendants().toList();
            process.destroyForcibly();
            left.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
