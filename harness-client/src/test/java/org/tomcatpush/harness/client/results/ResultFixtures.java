package org.tomcatpush.harness.client.results;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.scenario.Scenario;
import org.tomcatpush.harness.client.scenario.Transport;
import org.tomcatpush.harness.client.scenario.TransportMix;
import org.tomcatpush.harness.client.serverstats.ServerStats;
import org.tomcatpush.harness.client.serverstats.FakeHarnessServer;
import org.tomcatpush.harness.server.config.ServerConfig;

/** Hand-made run results with known figures, for the writers' tests. */
public final class ResultFixtures {

    static final Instant START = Instant.parse("2025-11-25T10:00:00Z");

    private ResultFixtures() {
    }

    static ServerStats protocolExampleStats() throws Exception {
        return ServerStats.from(new ObjectMapper().readTree(String.format(FakeHarnessServer.PROTOCOL_EXAMPLE, "")));
    }

    static ClientCounts counts(long requests, long connections, long messages) {
        Map<CloseCause, Long> closes = new EnumMap<>(CloseCause.class);
        closes.put(CloseCause.KEEPALIVE_LIMIT, connections - 1);
        closes.put(CloseCause.CLIENT, 1L);
        return new ClientCounts(requests, connections, 10, closes, Map.of(ReconnectCause.STREAM_ENDED, 2L),
                Map.of(ConnectFailureKind.REFUSED, 1L), messages, 1, 0, messages * 100, requests * 80, 3, 8, 3, 2, 0,
                0, 0, 0);
    }

    /** A run of {@code mix} with 10 sessions per transport, 3 seconds. */
    public static RunResult result(String mix, RunStatus status) throws Exception {
        TransportMix transportMix = TransportMix.parse(mix);
        ServerStats stats = protocolExampleStats();
        boolean single = transportMix.transports().size() == 1;
        List<TransportResult> rows = new ArrayList<>();
        for (Transport t : transportMix.transports()) {
            rows.add(new TransportResult(t.cliName(), 10, 10, counts(100, 10, 50),
                    new LatencySummary(50, 2.0, 1.5, 3, 4, 5, 6), LatencySummary.EMPTY, LatencySummary.EMPTY,
                    stats.requests(t), single ? stats : null, new LatencySummary(10, 900, 40, 500, 3000, 3000, 3000),
                    LatencySummary.EMPTY));
        }
        TransportResult all = single ? null : new TransportResult("all", 10 * rows.size(), 10 * rows.size(),
                ClientCounts.sum(rows.stream().map(TransportResult::client).toList()),
                new LatencySummary(50L * rows.size(), 2.0, 1.5, 3, 4, 5, 6), LatencySummary.EMPTY,
                LatencySummary.EMPTY, stats.requestsTotal(), stats,
                new LatencySummary(10L * rows.size(), 900, 40, 500, 3000, 3000, 3000), LatencySummary.EMPTY);
        Scenario scenario = new Scenario(URI.create("http://127.0.0.1:8080"), transportMix, 10 * rows.size(),
                Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1), false, 1,
                Duration.ofSeconds(3), 1, Duration.ofSeconds(5), 100);
        ServerConfig config = ServerConfig.defaults();
        RunSetup setup = new RunSetup("fixture", scenario, ServerSettings.of(config, false), stats.config(), "child",
                null, 4242, Map.of(), List.of("--transport", mix));
        RunEnvironment env = new RunEnvironment("test", "17", "vendor", "java", "17", "11.0.27", 2, "Linux", "6",
                "amd64", 20000, "unknown");
        List<TimeseriesRow> timeseries = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            Map<Transport, TimeseriesRow.TransportSecond> per = new EnumMap<>(Transport.class);
            for (Transport t : transportMix.transports()) {
                per.put(t, new TimeseriesRow.TransportSecond(10, 5.0, 1.0));
            }
            timeseries.add(new TimeseriesRow(s, START.toEpochMilli() + s * 1000L, 10L * rows.size(), 25.5, 3, 2, 0,
                    12, 11, 0, 0, 0, s == 1 ? Double.NaN : 4.25, per, 37.5));
        }
        return new RunResult("20251125-100000-fixture", status, status == RunStatus.COMPLETED ? null : "server died",
                setup, env, START, START.plusMillis(3_200), rows, all, stats, timeseries,
                ServerStats.from(new ObjectMapper().readTree(String.format(FakeHarnessServer.PROTOCOL_EXAMPLE,
                        ",\"series\":[{\"t\":" + (START.toEpochMilli() + 100) + ",\"busy\":1,\"queue\":0,"
                                + "\"connections\":11,\"asyncInFlight\":9,\"wsSessions\":2}]"))).series(),
                0);
    }
}
