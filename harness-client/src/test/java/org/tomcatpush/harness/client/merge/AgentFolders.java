package org.tomcatpush.harness.client.merge;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.results.ClientCounts;
import org.tomcatpush.harness.client.results.LatencyLogHeader;
import org.tomcatpush.harness.client.results.LatencySummary;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.results.ResultsWriter;
import org.tomcatpush.harness.client.results.RunEnvironment;
import org.tomcatpush.harness.client.results.RunResult;
import org.tomcatpush.harness.client.results.RunSetup;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.results.ServerSettings;
import org.tomcatpush.harness.client.results.TimeseriesRow;
import org.tomcatpush.harness.client.results.TransportResult;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.serverstats.FakeHarnessServer;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.server.config.ServerConfig;

/**
 * Agent folders written by the project's own writers from known counts and latency values: an SSE
 * run of 10 sessions with one timeseries row per second and its delivery latencies in
 * {@code latency.hlog}, one interval per second.
 */
final class AgentFolders {

    static final Instant START = Instant.parse("2025-11-25T10:00:00Z");

    /**
     * What one agent measured.
     *
     * @param name             folder name
     * @param requests         client requests
     * @param connections      connections opened
     * @param messages         messages received
     * @param latencyMicros    the delivery latencies recorded, split over the seconds
     * @param endOffsetMs      when the run ended after {@link #START}
     * @param serverSseRequests the server's SSE request count in its final stats
     * @param serverConnections the server's connections seen
     * @param durationS        the scenario's duration
     * @param serverArgs       the server's settings
     */
    record Agent(String name, long requests, long connections, long messages, long[] latencyMicros, long endOffsetMs,
            long serverSseRequests, long serverConnections, int durationS, String... serverArgs) {
    }

    private AgentFolders() {
    }

    static ClientCounts counts(Agent a) {
        Map<CloseCause, Long> closes = new EnumMap<>(CloseCause.class);
        closes.put(CloseCause.KEEPALIVE_LIMIT, a.connections() - 1);
        closes.put(CloseCause.CLIENT, 1L);
        return new ClientCounts(a.requests(), a.connections(), a.requests() / 2, closes,
                Map.of(ReconnectCause.STREAM_ENDED, 2L), Map.of(ConnectFailureKind.REFUSED, 1L), a.messages(), 1, 0,
                a.messages() * 100, a.requests() * 80, 3, 8, 3, 2, 0, 0, 0, 0);
    }

    static Histogram histogram(long[] micros) {
        Histogram h = new Histogram(3);
        for (long v : micros) {
            h.recordValue(v);
        }
        return h;
    }

    static ServerStats stats(Agent a) throws Exception {
        String json = String.format(FakeHarnessServer.PROTOCOL_EXAMPLE, "")
                .replace("\"sse\": 8, \"ws\"", "\"sse\": " + a.serverSseRequests() + ", \"ws\"")
                .replace("\"connectionsSeen\": 12", "\"connectionsSeen\": " + a.serverConnections())
                .replace("\"messagesPublished\": 45", "\"messagesPublished\": " + (a.serverSseRequests() * 3));
        return ServerStats.from(new ObjectMapper().readTree(json));
    }

    /** Writes the agent's folder under {@code out}. @return the folder */
    static Path write(Path out, Agent a) throws Exception {
        return write(out, a, 10, counts(a));
    }

    /**
     * Writes the folder of a run of {@code sessions} SSE sessions that counted {@code counts} (an
     * ordinary run that did what several agents did), with {@code a}'s latencies, timing and server.
     */
    static Path write(Path out, Agent a, int sessions, ClientCounts counts) throws Exception {
        ServerStats stats = stats(a);
        TransportMix mix = TransportMix.parse("sse");
        Instant end = START.plusMillis(a.endOffsetMs());
        ResultsFolder folder = ResultsFolder.begin(out, START.atZone(ZoneOffset.UTC), a.name());
        writeLatencyLog(folder.file(ResultsWriter.LATENCY_LOG), a.latencyMicros());
        TransportResult row = new TransportResult("sse", sessions, sessions, counts, LatencySummary.of(histogram(
                a.latencyMicros())), LatencySummary.EMPTY, LatencySummary.EMPTY, stats.requests(Transport.SSE), stats,
                LatencySummary.EMPTY, LatencySummary.EMPTY);
        Scenario scenario = new Scenario(URI.create("http://127.0.0.1:8080"), mix, sessions, Duration.ofSeconds(1),
                Duration.ofSeconds(a.durationS()), Duration.ofSeconds(1), false, 1, Duration.ofSeconds(3), 1,
                Duration.ofSeconds(5), 100);
        RunSetup setup = new RunSetup(a.name(), scenario, ServerSettings.of(ServerConfig.parse(a.serverArgs()), false),
                stats.config(), "target", null, -1, Map.of("sse", sessions), List.of("--transport", "sse"));
        RunEnvironment env = new RunEnvironment("test", "17", "vendor", "java", "17", "11.0.27", 2, "Linux", "6",
                "amd64", 20000, "unknown");
        List<TimeseriesRow> timeseries = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            // the second agent samples 300 ms later in each second: the same second on the common clock
            timeseries.add(new TimeseriesRow(s, START.toEpochMilli() + s * 1000L + (a.endOffsetMs() % 1000), 10,
                    20, 3, 2, 0, a.serverConnections(), 11, 0, 0, 0, 4.25, Map.of(), 30));
        }
        RunResult result = new RunResult(folder.runId(), RunStatus.COMPLETED, null, setup, env, START, end,
                List.of(row), null, stats, timeseries, List.of(), 0);
        return ResultsWriter.writeAndCommit(result, folder);
    }

    /**
     * Makes {@code folder} agent {@code index} of {@code count} whose server counted {@code before}
     * resets before its run and {@code atEnd} at its end ({@code null}: the field is absent, as in
     * a folder of an older harness).
     */
    static void agentWithResets(Path folder, int index, int count, Long before, Long atEnd) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(folder.resolve("run.json").toFile());
        ((ObjectNode) root.path("agent")).put("index", index).put("count", count).put("resetsServer", index == 0);
        if (before == null && atEnd == null) {
            root.remove("serverResets");
        } else {
            root.putObject("serverResets").put("beforeRun", before).put("atEnd", atEnd);
        }
        json.writeValue(folder.resolve("run.json").toFile(), root);
    }

    /** The latencies as three intervals, one per second of the run, tagged with the transport. */
    private static void writeLatencyLog(Path file, long[] micros) throws Exception {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            LatencyLogHeader.write(writer, START.toEpochMilli());
            for (int s = 0; s < 3; s++) {
                Histogram h = new Histogram(3);
                for (int i = s; i < micros.length; i += 3) {
                    h.recordValue(micros[i]);
                }
                h.setTag("sse");
                h.setStartTimeStamp(START.toEpochMilli() + s * 1000L);
                h.setEndTimeStamp(START.toEpochMilli() + (s + 1) * 1000L);
                writer.outputIntervalHistogram(h);
            }
        } finally {
            writer.close();
        }
    }
}
