package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tomcatpush.harness.client.scenario.AgentSlice;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.SourceAddressRange;
import org.tomcatpush.harness.client.serverstats.ClockOffset;
import org.tomcatpush.harness.client.thresholds.RunThresholds;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;
import org.tomcatpush.harness.client.thresholds.ThresholdsXml;

/**
 * Writes {@code run.json}: the status of the run, the full scenario and server configuration,
 * how the server was run, the reverse proxy ({@code proxy}: {@code kind} none or nginx), the
 * environment, the thresholds with how each came out
 * ({@code thresholds}, {@code thresholdOutcomes}), which agent of a shared run it was and its slice
 * ({@code agent}, with its own source addresses), the {@code startAt} it waited for, its {@code clockOffset} to the server,
 * the server's count of resets before the run and at its end ({@code serverResets}), and
 * the other files' names. {@code scenario.sessions} is the planned run of every agent together;
 * {@code scenario.sessionsPerTransport} and summary.csv count this process's. Times are ISO-8601 UTC and
 * epoch ms; every duration is in ms. Stateless.
 */
public final class RunJson {

    /** The file name inside a run folder. */
    public static final String FILE_NAME = "run.json";

    /** {@code server.mode} of a run against an application that is not harness-server ({@code --endpoints}). */
    public static final String FOREIGN_SERVER_MODE = "foreign";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {
    }

    public static void write(RunResult result, Writer out) throws IOException {
        JSON.writeValue(out, toJson(result));
    }

    /** The document, for tests and other writers. */
    public static ObjectNode toJson(RunResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("runId", result.runId());
        root.put("name", result.setup().name());
        root.put("status", result.status().label());
        root.put("failure", result.failure());
        root.put("startedAt", result.startedAt().toString());
        root.put("endedAt", result.endedAt().toString());
        root.put("startEpochMs", result.startedAt().toEpochMilli());
        root.put("endEpochMs", result.endedAt().toEpochMilli());
        root.put("measuredDurationS", result.measuredDurationS());
        root.set("scenario", scenario(result));
        root.set("agent", agent(result));
        root.put("startAt", result.setup().startAt() == null ? null : result.setup().startAt().toString());
        ClockOffset clock = result.setup().clockOffset();
        if (clock == null) {
            root.putNull("clockOffset");
        } else {
            ObjectNode offset = root.putObject("clockOffset");
            offset.put("offsetMs", clock.offsetMs());
            offset.put("roundTripMs", clock.roundTripMs());
            offset.put("problem", clock.problem().orElse(null));
        }
        // the server's resets since it started, before this run and at its end: harness merge proves from them
        // that the agents' merged run saw exactly one reset (null: unknown)
        ObjectNode resets = root.putObject("serverResets");
        putCount(resets, "beforeRun", result.setup().serverResetsBeforeRun());
        putCount(resets, "atEnd", result.finalServerStats() == null ? -1
                : result.finalServerStats().resetsSinceStart());
        ObjectNode server = root.putObject("server");
        server.put("mode", result.setup().serverMode());
        server.put("pid", result.setup().serverPid());
        server.put("heap", result.setup().serverHeap());
        server.put("java", result.environment().serverJava());
        server.put("javaVersion", result.environment().serverJavaVersion());
        server.put("tomcatVersion", result.environment().tomcatVersion());
        server.set("settings", JSON.valueToTree(result.setup().settings()));
        server.set("config", result.setup().serverConfig());
        server.set("heldMemory", JSON.valueToTree(result.heldMemory()));
        root.set("proxy", proxy(result.setup().proxy()));
        ObjectNode environment = JSON.valueToTree(result.environment());
        // the machine this client ran on, which tells the agents of a merged run apart
        environment.put("host", AgentHost.name());
        root.set("environment", environment);
        root.put("statsFailures", result.statsFailures());
        root.set("commandLine", JSON.valueToTree(result.setup().commandLine()));
        ObjectNode files = root.putObject("files");
        files.put("summary", SummaryCsv.FILE_NAME);
        files.put("timeseries", TimeseriesCsv.FILE_NAME);
        files.put("latency", ResultsWriter.LATENCY_LOG);
        files.put("serverSamples", ServerSamplesCsv.FILE_NAME);
        if (!result.thresholds().isEmpty()) {
            files.put("thresholds", ThresholdsXml.FILE_NAME);
        }
        putThresholds(root, result.thresholds(), result.thresholdOutcomes());
        return root;
    }

    /**
     * Sets {@code thresholds} (the expressions) and {@code thresholdOutcomes} (one object per
     * threshold per row) of a run.json document, as every run records them.
     */
    public static void putThresholds(ObjectNode root, List<Threshold> thresholds, List<ThresholdOutcome> judged) {
        root.set(RunThresholds.RUN_JSON_KEY, JSON.valueToTree(thresholds.stream().map(Threshold::expression).toList()));
        ArrayNode outcomes = root.putArray(RunThresholds.RUN_JSON_OUTCOMES_KEY);
        for (ThresholdOutcome o : judged) {
            ObjectNode node = outcomes.addObject();
            node.put("threshold", o.threshold().expression());
            node.put("row", o.row());
            node.put("condition", o.threshold().condition());
            if (o.observed().isPresent()) {
                node.put("observed", o.observed().getAsDouble());
            } else {
                node.putNull("observed");
            }
            node.put("breached", o.breached());
        }
    }

    private static ObjectNode scenario(RunResult result) {
        Scenario s = result.setup().scenario();
        ObjectNode node = JSON.createObjectNode();
        node.put("target", String.valueOf(s.target()));
        node.put("transport", s.mix().toString());
        ObjectNode weights = node.putObject("weights");
        s.mix().weights().forEach((t, w) -> weights.put(t.cliName(), w));
        node.put("sessions", s.sessions());
        node.set("sessionsPerTransport", JSON.valueToTree(result.setup().sessionsPerTransport()));
        node.put("rampUpMs", ms(s.rampUp()));
        node.put("durationMs", ms(s.duration()));
        node.put("pollIntervalMs", ms(s.pollInterval()));
        node.put("browser", s.browser());
        node.put("sessionsPerBrowser", s.sessionsPerBrowser());
        node.put("sseReconnectDelayMs", ms(s.sseReconnectDelay()));
        node.put("sourceAddresses", s.sourceAddresses());
        node.put("connectTimeoutMs", ms(s.connectTimeout()));
        node.put("serverMaxKeepAliveRequests", s.serverMaxKeepAliveRequests());
        if (s.requestTimeout() == null) {
            node.putNull("requestTimeoutMs");
        } else {
            node.put("requestTimeoutMs", ms(s.requestTimeout()));
        }
        ObjectNode timeouts = node.putObject("requestTimeoutMsByTransport");
        s.mix().transports().forEach(t -> timeouts.put(t.cliName(), ms(s.requestTimeout(t))));
        node.put("requestConnectionHeader", s.connectionHeader().cliName());
        if (s.endpoints().foreign()) {
            // a foreign application (issue 13): its paths and the field its publish times are in
            node.put("endpoints", s.endpoints().toString());
            node.put("publishTimeField", s.endpoints().publishTimeField());
        }
        return node;
    }

    /**
     * Which agent this run was ({@code --agent I/N}; 0 of 1 for a whole run) and its slice of the
     * scenario's sessions: how many, per transport, and the range of session ids
     * ({@code firstSessionId} to {@code lastSessionId}, both included).
     */
    private static ObjectNode agent(RunResult result) {
        Scenario s = result.setup().scenario();
        AgentSlice agent = s.agent();
        ObjectNode node = JSON.createObjectNode();
        node.put("index", agent.index());
        node.put("count", agent.count());
        int sessions = agent.sessions(s.mix(), s.sessions());
        int first = agent.firstSessionId(s.mix(), s.sessions());
        ObjectNode slice = node.putObject("slice");
        slice.put("sessions", sessions);
        slice.put("firstSessionId", first);
        slice.put("lastSessionId", first + sessions - 1);
        ObjectNode perTransport = slice.putObject("sessionsPerTransport");
        agent.sessionsPerTransport(s.mix(), s.sessions()).forEach((t, n) -> perTransport.put(t.cliName(), n));
        node.put("resetsServer", agent.resetsServer());
        // this agent's own source addresses (--source-addresses K: agent I binds 127.0.0.(1+I*K) .. ((I+1)*K))
        SourceAddressRange range = s.sourceAddressRange();
        ObjectNode sources = node.putObject("sourceAddresses");
        sources.put("first", range.first().getHostAddress());
        sources.put("last", range.last().getHostAddress());
        sources.put("count", range.count());
        sources.put("bound", SourceAddressRange.appliesTo(s.target()));
        return node;
    }

    /** The proxy, and with one what the connection figures then describe. */
    private static ObjectNode proxy(ProxyInfo proxy) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", proxy.kind());
        if (proxy.proxied()) {
            node.put("version", proxy.version());
            node.put("readTimeoutMs", proxy.readTimeoutMs());
            node.put("upstreamKeepalive", proxy.upstreamKeepalive());
            node.put("listen", proxy.listen());
            node.put("upstream", proxy.upstream());
            node.put("pid", proxy.pid());
            node.put("connectionAccounting", ProxyInfo.CONNECTION_ACCOUNTING_NOTE);
        }
        return node;
    }

    /** A count, or JSON null when it is unknown (-1). */
    private static void putCount(ObjectNode node, String field, long count) {
        if (count < 0) {
            node.putNull(field);
        } else {
            node.put(field, count);
        }
    }

    private static long ms(Duration d) {
        return d.toMillis();
    }
}
