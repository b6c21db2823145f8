package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerProcess;

/**
 * {@code harness run --agent I/N} and {@code --start-at} against one real harness-server: each
 * agent opens its slice only, agent 0 resets the server's counters and the others leave them,
 * the ramp-up waits for the start time, and run.json records the agent, its slice and the clock
 * offset to the server.
 */
@Timeout(180)
class AgentRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerProcess server;

    @TempDir
    Path out;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start(ServerLaunch.of(ServerLaunch.currentJava(), "256m",
                List.of("--port", "0", "--publish-rate", "5"), Duration.ofSeconds(30)));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void agentZeroResetsTheServerAndAgentOneLeavesItsCountersAlone() throws Exception {
        long beforeAgentZeroMs = System.currentTimeMillis();
        CliRun agentZero = agent("0/2", out.resolve("agent0"));
        assertEquals(0, agentZero.exit(), agentZero.err());
        JsonNode afterZero = stats();
        // the server runs on this machine's clock: its reset happened during agent 0's run
        assertTrue(resetAtMs(afterZero) >= beforeAgentZeroMs, "agent 0 reset the counters");
        long requestsAfterZero = afterZero.path("requests").path("total").asLong();
        assertTrue(requestsAfterZero > 0, "agent 0 polled: " + requestsAfterZero);

        CliRun agentOne = agent("1/2", out.resolve("agent1"));
        assertEquals(0, agentOne.exit(), agentOne.err());
        JsonNode afterOne = stats();
        assertEquals(resetAtMs(afterZero), resetAtMs(afterOne), "agent 1 did not reset the counters");
        JsonNode summaryOne = runJson(out.resolve("agent1"));
        assertTrue(afterOne.path("requests").path("total").asLong() > requestsAfterZero,
                "agent 1's polls add to agent 0's counts");

        // 5 sessions of sse=60,short-poll=40: 3 SSE and 2 short polls; agent 0 takes 2 + 1, agent 1 1 + 1
        JsonNode zero = runJson(out.resolve("agent0")).path("agent");
        assertEquals(0, zero.path("index").asInt());
        assertEquals(2, zero.path("count").asInt());
        assertTrue(zero.path("resetsServer").asBoolean());
        assertEquals(3, zero.path("slice").path("sessions").asInt());
        assertEquals(0, zero.path("slice").path("firstSessionId").asInt());
        assertEquals(2, zero.path("slice").path("lastSessionId").asInt());
        assertEquals(2, zero.path("slice").path("sessionsPerTransport").path("sse").asInt());
        assertEquals(1, zero.path("slice").path("sessionsPerTransport").path("short-poll").asInt());
        JsonNode one = summaryOne.path("agent");
        assertEquals(1, one.path("index").asInt());
        assertFalse(one.path("resetsServer").asBoolean());
        assertEquals(2, one.path("slice").path("sessions").asInt());
        assertEquals(3, one.path("slice").path("firstSessionId").asInt());
        assertEquals(4, one.path("slice").path("lastSessionId").asInt());
        assertEquals(1, one.path("slice").path("sessionsPerTransport").path("sse").asInt());
        assertEquals(1, one.path("slice").path("sessionsPerTransport").path("short-poll").asInt());
        assertEquals("127.0.0.1", zero.path("sourceAddresses").path("first").asText());
        assertEquals("127.0.0.1", zero.path("sourceAddresses").path("last").asText());
        assertEquals("127.0.0.2", one.path("sourceAddresses").path("first").asText(), "agent 1's own address");
        assertEquals("127.0.0.2", one.path("sourceAddresses").path("last").asText());
        assertTrue(one.path("sourceAddresses").path("bound").asBoolean());
        // the server's count of resets: agent 0 read it before its reset, every agent at its end
        long resetsBefore = runJson(out.resolve("agent0")).path("serverResets").path("beforeRun").asLong(-1);
        assertTrue(resetsBefore >= 0, runJson(out.resolve("agent0")).path("serverResets").toString());
        assertEquals(resetsBefore + 1, runJson(out.resolve("agent0")).path("serverResets").path("atEnd").asLong());
        assertEquals(resetsBefore + 1, summaryOne.path("serverResets").path("beforeRun").asLong());
        assertEquals(resetsBefore + 1, summaryOne.path("serverResets").path("atEnd").asLong());
        assertEquals(resetsBefore + 1, afterOne.path("resets").path("sinceStart").asLong());
        assertEquals(5, summaryOne.path("scenario").path("sessions").asInt(), "the planned run, all agents");
        assertEquals(List.of("1", "1", "2"), sessionsColumn(out.resolve("agent1")),
                "summary.csv counts this agent's sessions: short-poll, sse, all");
        assertEquals(List.of("1", "2", "3"), sessionsColumn(out.resolve("agent0")));
    }

    @Test
    void theRampUpWaitsForStartAtAndTheClockOffsetToTheServerIsRecorded() throws Exception {
        Instant startAt = Instant.ofEpochMilli(System.currentTimeMillis() + 3_000);
        CliRun run = CliRun.of(List.of("run", "--out", out.toString(), "--target", server.baseUri().toString(),
                "--agent", "0/1", "--start-at", startAt.toString(), "--transport", "sse", "--sessions", "2",
                "--ramp-up", "0", "--duration", "1s"));
        assertEquals(0, run.exit(), run.err());

        JsonNode json = runJson(out);
        assertEquals(startAt.toString(), json.path("startAt").asText());
        assertTrue(json.path("startEpochMs").asLong() >= startAt.toEpochMilli(),
                "the ramp-up started at " + json.path("startEpochMs") + ", not before " + startAt.toEpochMilli());
        long firstSecondMs = Long.parseLong(firstTimeseriesEpochMs(out));
        assertTrue(firstSecondMs >= startAt.toEpochMilli(), "the first second sampled " + firstSecondMs);
        JsonNode clock = json.path("clockOffset");
        long roundTripMs = clock.path("roundTripMs").asLong(-1);
        assertTrue(roundTripMs >= 0, clock.toString());
        // one clock on both sides: the server read it between send and receive (ms rounding aside)
        assertTrue(Math.abs(clock.path("offsetMs").asLong()) <= roundTripMs / 2 + 1, clock.toString());
        assertTrue(clock.has("problem") && clock.path("problem").isNull(), "one clock is never off itself: " + clock);
    }

    @Test
    void aSignalWhileWaitingForStartAtStopsTheAgentBeforeAnySessionOpens() throws Exception {
        long sseRequestsBefore = stats().path("requests").path("sse").asLong();
        String startAt = Instant.ofEpochMilli(System.currentTimeMillis() + 120_000).toString();
        List<String> command = new ArrayList<>(List.of(ServerLaunch.currentJava().toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), HarnessCli.class.getName(), "run", "--out", out.toString(),
                "--target", server.baseUri().toString(), "--agent", "1/2", "--start-at", startAt,
                "--transport", "sse", "--sessions", "4", "--ramp-up", "0", "--duration", "5s"));
        Process harness = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(harness.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = err.readLine()) != null && !line.contains("waiting for --start-at")) {
                seen.append(line).append('\n');
            }
            assertEquals("harness: agent 1/2 waiting for --start-at " + startAt + " to start the ramp-up", line,
                    seen.toString());
            harness.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertTrue(harness.waitFor(60, TimeUnit.SECONDS), "harness did not stop");
            assertEquals(130, harness.exitValue());
        } finally {
            harness.destroyForcibly();
        }
        assertEquals(List.of(), ProcessHandle.of(harness.pid()).filter(ProcessHandle::isAlive).stream().toList());
        assertEquals("interrupted", runJson(out).path("status").asText());
        assertEquals(sseRequestsBefore, stats().path("requests").path("sse").asLong(), "no session was opened");
    }

    @Test
    void aWholeRunRecordsItselfAsAgentZeroOfOne() throws Exception {
        CliRun run = CliRun.of(List.of("run", "--out", out.toString(), "--target", server.baseUri().toString(),
                "--transport", "sse", "--sessions", "2", "--ramp-up", "0", "--duration", "1s"));
        assertEquals(0, run.exit(), run.err());
        JsonNode json = runJson(out);
        assertEquals(0, json.path("agent").path("index").asInt());
        assertEquals(1, json.path("agent").path("count").asInt());
        assertEquals(2, json.path("agent").path("slice").path("sessions").asInt());
        assertTrue(json.path("startAt").isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"3/2", "-1/3", "a/b", "0/0"})
    void aBadAgentIsBadInputInOneLine(String value) {
        CliRun run = CliRun.of(List.of("run", "--out", out.resolve("runs").toString(), "--target",
                "http://127.0.0.1:1", "--agent", value));
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).contains("--agent '" + value + "' is not I/N with 0 <= I < N"), run.err());
        assertFalse(Files.exists(out.resolve("runs")), "nothing written");
    }

    @Test
    void anAgentWithoutTargetIsBadInput() {
        CliRun run = CliRun.of(List.of("run", "--out", out.toString(), "--agent", "0/2"));
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --agent 0/2 runs a slice of a run whose agents share one server: add"
                + " --target URL (the server every agent drives)"), run.errLines());
    }

    @Test
    void anAgentWithoutASessionIsBadInput() {
        CliRun run = CliRun.of(List.of("run", "--out", out.toString(), "--target", "http://127.0.0.1:1",
                "--agent", "2/3", "--sessions", "2"));
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --agent 2/3 gets no session of --sessions 2: run at least 3 sessions, or"
                + " fewer agents"), run.errLines());
    }

    @Test
    void agentsWhoseSourceAddressRangesDoNotFitIn127000AreBadInput() {
        CliRun run = CliRun.of(List.of("run", "--out", out.resolve("runs").toString(), "--target",
                "http://127.0.0.1:1", "--agent", "1/3", "--sessions", "3", "--source-addresses", "100"));
        assertEquals(2, run.exit());
        assertEquals(List.of("harness: --source-addresses 100 with --agent 1/3: each of the 3 agents takes 100"
                + " addresses of its own, 300 in all, and there are 254 (127.0.0.1 .. 127.0.0.254): give at most 84"
                + " per agent"), run.errLines());
        assertFalse(Files.exists(out.resolve("runs")), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "soon", "1"})
    void aStartAtFarFromNowIsBadInputInOneLine(String value) {
        CliRun run = CliRun.of(List.of("run", "--out", out.resolve("runs").toString(), "--start-at", value));
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).contains("--start-at"), run.err());
        assertFalse(Files.exists(out.resolve("runs")), "nothing written");
    }

    private static CliRun agent(String agent, Path folder) {
        return CliRun.of(List.of("run", "--out", folder.toString(), "--target", server.baseUri().toString(),
                "--agent", agent, "--transport", "sse=60,short-poll=40", "--sessions", "5", "--ramp-up", "0",
                "--duration", "2s", "--poll-interval", "250ms"));
    }

    private static JsonNode stats() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.controlUri().resolve("/harness/stats")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return JSON.readTree(response.body());
    }

    /** When the server's counters were last zeroed, on its clock. */
    private static long resetAtMs(JsonNode stats) {
        return stats.path("timeMillis").asLong() - stats.path("sinceResetMillis").asLong();
    }

    private static JsonNode runJson(Path runs) throws IOException {
        return JSON.readTree(BackgroundRun.onlyFolder(runs).resolve("run.json").toFile());
    }

    private static List<String> sessionsColumn(Path runs) throws IOException {
        List<String> cells = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(BackgroundRun.onlyFolder(runs).resolve("summary.csv"));
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            csv.forEach(row -> cells.add(row.get("sessions")));
        }
        return cells;
    }

    private static String firstTimeseriesEpochMs(Path runs) throws IOException {
        List<String> lines = Files.readAllLines(BackgroundRun.onlyFolder(runs).resolve("timeseries.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("epoch_ms");
        return lines.get(1).split(",")[column];
    }
}
