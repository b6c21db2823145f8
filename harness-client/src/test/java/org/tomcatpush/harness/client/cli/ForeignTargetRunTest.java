package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.launch.ServerProcess;
import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.findings.Findings;
import org.tomcatpush.harness.client.report.load.RunLoader;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.serverstats.JmxStats;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.client.serverstats.StatsClient;

/**
 * {@code harness run --target URL --endpoints ...} drives harness-server as if it were a foreign
 * application: no {@code /harness/*}, no cursor, no harness message format, and with {@code --jmx}
 * the server-side figures from Tomcat's own MBeans. The test reads the server's own ledger
 * separately, over the control connector the run never touches, and the two must agree: requests,
 * connections and closes exactly (held streams, so the end of the run cannot blur them), busy
 * threads within one.
 */
@Timeout(180)
class ForeignTargetRunTest {

    private static final int SESSIONS = 12;

    @TempDir
    Path out;

    @Test
    void heldBlockingStreamsAreCountedAsTheServersLedgerCountsThemAndJmxSeesItsBusyThreads() throws Exception {
        int jmxPort = freePort();
        try (ServerProcess server = start("--handler", "blocking", "--publish-rate", "5", "--jmx-port",
                Integer.toString(jmxPort))) {
            String jmx = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi";
            CliRun run = CliRun.run(out, "--target", server.baseUri().toString(), "--endpoints", "sse=/sse",
                    "--publish-time-field", "ts", "--jmx", jmx, "--transport", "sse", "--sessions",
                    Integer.toString(SESSIONS), "--ramp-up", "0", "--duration", "3s");
            assertEquals(0, run.exit(), run.err());
            Path folder = BackgroundRun.onlyFolder(out);
            CSVRecord row = csv(folder.resolve("summary.csv")).get(0);
            JsonNode runJson = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
            ServerStats ledger = new StatsClient(server.controlUri(), Duration.ofSeconds(10)).fetchWithSeries();

            assertEquals("foreign", runJson.path("server").path("mode").asText());
            assertEquals(Long.toString(SESSIONS), row.get("requests"), row.toMap().toString());
            assertEquals(Long.toString(ledger.requestsTotal()), row.get("requests"), "the ledger's requests");
            assertEquals(Long.toString(ledger.perConnection().connectionsSeen()), row.get("connections_opened"));
            assertEquals(Long.toString(SESSIONS), row.get("closes_client"), "the run closed each held stream");
            assertEquals(Long.toString(ledger.perConnection().closedAtKeepAliveLimit()),
                    row.get("closes_keepalive_limit"));
            assertEquals("0", row.get("closes_server_other"));
            // the server sees each stream the run closed as its next write failing, and closed none itself
            assertEquals(SESSIONS, ledger.serverCloses().writeFailure(), ledger.serverCloses().toString());
            assertEquals(ledger.serverCloses().writeFailure(), ledger.serverCloses().total(),
                    ledger.serverCloses().toString());
            // no ledger to compare with: the cross-checks are absent, not "agree"
            assertEquals("", row.get("client_minus_server_requests"));
            assertEquals("", row.get("client_minus_server_connections"));

            // the SSE ids are the server's sequence, its messages' ts their publish time
            assertTrue(Long.parseLong(row.get("messages_received")) > 0, row.toMap().toString());
            assertEquals("0", row.get("messages_lost"));
            assertEquals("0", row.get("messages_duplicated"));
            assertFalse(row.get("latency_p50_ms").isEmpty(), "timed from the ts field");

            // busy threads: Tomcat's MBean against the harness's own sampler, over the same window
            assertEquals(JmxStats.BUSY_METRIC, row.get("busy_metric"));
            ServerStats window = ledger.inWindow(runJson.path("startEpochMs").asLong(),
                    runJson.path("endEpochMs").asLong());
            assertTrue(window.busySampled().known(), "the sampler sampled the window");
            assertWithinOne(window.busySampled().max(), Double.parseDouble(row.get("busy_threads_max")), "max");
            assertWithinOne(window.busySampled().p99(), Double.parseDouble(row.get("busy_threads_p99")), "p99");
            assertTrue(window.busySampled().max() >= SESSIONS, "each blocking stream holds a thread: " + window);
            assertEquals(Long.toString(200), row.get("max_threads"), "read from the ThreadPool MBean");
            assertFalse(row.get("server_requests").isEmpty(), "Tomcat's requestCount");

            List<Finding> findings = Findings.evaluate(RunLoader.load(folder));
            assertFalse(findings.stream().anyMatch(f -> f.text().contains("agree")), findings.toString());
            assertTrue(findings.stream().anyMatch(f -> f.text().contains("cross-checks are absent")
                    && f.text().contains("over JMX")), findings.toString());
        }
    }

    @Test
    void withoutIdsOrAPublishTimeTheSequenceAndLatencyColumnsAreEmptyAndTheNoteSaysWhy() throws Exception {
        try (ServerProcess server = start("--publish-rate", "5")) {
            CliRun run = CliRun.run(out, "--target", server.baseUri().toString(), "--endpoints",
                    "sse=/sse,ws=/ws", "--transport", "sse=50,ws=50", "--sessions", Integer.toString(SESSIONS),
                    "--ramp-up", "0", "--duration", "3s");
            assertEquals(0, run.exit(), run.err());
            Path folder = BackgroundRun.onlyFolder(out);
            Map<String, CSVRecord> rows = new HashMap<>();
            csv(folder.resolve("summary.csv")).forEach(r -> rows.put(r.get("transport"), r));
            ServerStats ledger = new StatsClient(server.controlUri(), Duration.ofSeconds(10)).fetch();

            for (Transport t : List.of(Transport.SSE, Transport.WS)) {
                CSVRecord row = rows.get(t.cliName());
                assertEquals(Long.toString(SESSIONS / 2), row.get("requests"), row.toMap().toString());
                assertEquals(Long.toString(ledger.requests(t)), row.get("requests"), "the ledger's " + t);
                assertTrue(Long.parseLong(row.get("messages_received")) > 0, row.toMap().toString());
                assertEquals("", row.get("latency_p50_ms"), "no --publish-time-field: not 0, empty");
            }
            assertEquals("0", rows.get("sse").get("messages_lost"), "SSE ids are checked");
            assertEquals("", rows.get("ws").get("messages_lost"), "a frame carries no id: not 0, empty");
            assertEquals("", rows.get("ws").get("messages_duplicated"));
            assertEquals("", rows.get("all").get("messages_lost"));
            CSVRecord all = rows.get("all");
            assertEquals(Long.toString(ledger.perConnection().connectionsSeen()), all.get("connections_opened"));
            assertEquals(Long.toString(ledger.requestsTotal()), all.get("requests"));
            assertEquals("", all.get("client_minus_server_requests"));
            assertEquals("", all.get("busy_threads_max"), "no --jmx: no server-side figures");

            List<String> notes = run.errLines().stream().filter(l -> l.startsWith("harness: note: ")).toList();
            assertEquals(1, notes.size(), run.err());
            assertEquals("harness: note: the target is not harness-server (--endpoints), so the client-versus-server"
                    + " cross-checks are absent (no server ledger); there are no server-side figures (add --jmx to"
                    + " read Tomcat's MBeans); messages_lost and messages_duplicated are empty for ws: only SSE"
                    + " events with a numeric id: are sequence-checked; latency is empty for sse, ws: no"
                    + " --publish-time-field names the JSON field of a message's publish time", notes.get(0));
            List<Finding> findings = Findings.evaluate(RunLoader.load(folder));
            assertTrue(findings.stream().anyMatch(f -> f.text().equals(notes.get(0).substring("harness: note: ".length()))),
                    findings.toString());
        }
    }

    @Test
    void heldLongPollsAtAnotherPathAreCountedExactly() throws Exception {
        // nothing is published, so each long poll is held for the whole run: its count cannot blur at the end
        try (ServerProcess server = start("--publish-rate", "0", "--long-poll-hold", "60000")) {
            CliRun run = CliRun.run(out, "--target", server.baseUri().toString(), "--endpoints", "long-poll=/longpoll",
                    "--transport", "long-poll", "--sessions", Integer.toString(SESSIONS), "--ramp-up", "0",
                    "--duration", "2s");
            assertEquals(0, run.exit(), run.err());
            CSVRecord row = csv(BackgroundRun.onlyFolder(out).resolve("summary.csv")).get(0);
            ServerStats ledger = new StatsClient(server.controlUri(), Duration.ofSeconds(10)).fetch();

            assertEquals(Long.toString(SESSIONS), row.get("requests"), row.toMap().toString());
            assertEquals(Long.toString(ledger.requests(Transport.LONG_POLL)), row.get("requests"));
            assertEquals(Long.toString(ledger.perConnection().connectionsSeen()), row.get("connections_opened"));
            assertEquals(Long.toString(SESSIONS), row.get("closes_client"));
            assertEquals("0", row.get("messages_received"), "a held poll has not answered");
            assertEquals("", row.get("messages_lost"));
            assertEquals("", row.get("latency_p50_ms"));
        }
    }

    @Test
    void badEndpointsAndJmxValuesAreBadInputWithOneLine() throws Exception {
        String target = "http://127.0.0.1:" + freePort();
        String unreachable = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + freePort() + "/jmxrmi";
        Map<List<String>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(List.of("--target", target, "--endpoints", "sse"),
                "harness: --endpoints 'sse': 'sse' has no '=': write TRANSPORT=/path");
        cases.put(List.of("--target", target, "--endpoints", "mqtt=/m"),
                "harness: --endpoints 'mqtt=/m': unknown transport 'mqtt': use sse, ws, poll (or short-poll) or"
                        + " long-poll");
        cases.put(List.of("--target", target, "--endpoints", "sse=events"),
                "harness: --endpoints 'sse=events': the path of sse 'events' must start with /");
        cases.put(List.of("--target", target, "--endpoints", "sse=/a,sse=/b"),
                "harness: --endpoints 'sse=/a,sse=/b': sse is given twice: give each transport once");
        cases.put(List.of("--target", target, "--endpoints", "sse=/events", "--transport", "ws"),
                "harness: --transport ws includes ws, which --endpoints sse=/events gives no path: add ws=/path to"
                        + " --endpoints, or drop it from --transport");
        cases.put(List.of("--endpoints", "sse=/events"),
                "harness: --endpoints gives the paths of an application run drives with --target: add --target URL,"
                        + " or drop --endpoints");
        cases.put(List.of("--target", target, "--publish-time-field", "ts"),
                "harness: --publish-time-field reads the messages of an application given with --endpoints: add"
                        + " --endpoints, or drop --publish-time-field");
        cases.put(List.of("--target", target, "--endpoints", "sse=/events", "--jmx", "localhost:9010"),
                "harness: --jmx 'localhost:9010' is not a JMX service URL: write e.g."
                        + " service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi");
        cases.put(List.of("--target", target, "--endpoints", "sse=/events", "--jmx",
                "service:jmx:rmi:///jndi/rmi://10.1.2.3:9010/jmxrmi"),
                "harness: --jmx service:jmx:rmi:///jndi/rmi://10.1.2.3:9010/jmxrmi is not on a loopback address: the"
                        + " harness only connects to 127.0.0.0/8, ::1 and localhost unless you add --allow-remote");
        cases.put(List.of("--target", target, "--jmx", unreachable),
                "harness: --jmx reads the Tomcat MBeans of an application driven with --target and --endpoints;"
                        + " harness-server reports its own figures: add --endpoints, or drop --jmx");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            Path dir = out.resolve("case" + cases.keySet().stream().toList().indexOf(c.getKey()));
            List<String> args = new ArrayList<>(List.of("run", "--out", dir.toString()));
            args.addAll(c.getKey());
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exit(), c.getKey() + ": " + run.err());
            assertEquals(List.of(c.getValue()), run.errLines(), c.getKey().toString());
            assertFalse(Files.exists(dir) && Files.list(dir).findAny().isPresent(), "nothing written: " + c.getKey());
        }

        // an unreachable JMX URL is found only by trying it: still before any load, still one line
        Path dir = out.resolve("unreachable");
        CliRun run = CliRun.of(List.of("run", "--out", dir.toString(), "--target", target, "--endpoints",
                "sse=/events", "--jmx", unreachable, "--sessions", "1", "--duration", "1s"));
        assertEquals(2, run.exit(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.errLines().get(0).startsWith("harness: --jmx: " + unreachable + " does not answer ("),
                run.err());
        assertFalse(Files.exists(dir) && Files.list(dir).anyMatch(p -> !p.getFileName().toString().startsWith(".")),
                "no run folder");
    }

    private static ServerProcess start(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(args));
        return ServerProcess.start(ServerLaunch.of(ServerLaunch.currentJava(), "256m", all, Duration.ofSeconds(30)));
    }

    private static void assertWithinOne(double sampler, double jmx, String figure) {
        assertTrue(Math.abs(sampler - jmx) <= 1, "busy threads " + figure + ": sampler " + sampler + ", JMX " + jmx);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
