package org.tomcatpush.harness.client.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.ClientCounts;
import org.tomcatpush.harness.client.results.ClientCountsCells;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.LatencyLogHeader;
import org.tomcatpush.harness.client.results.LatencySummary;
import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.ServerCpu;
import org.tomcatpush.harness.client.results.TransportResult;
import org.tomcatpush.harness.client.serverstats.ServerCloseStats;

/**
 * The rows of a merged {@code summary.csv}, cell by cell from the agents' rows of the same
 * transport. Each column has one rule: client counts are summed, client maxima stay maxima (the
 * counts a run's {@link ClientCounts} holds are read back from each agent's row and added by
 * {@link ClientCounts#sum}, as a run adds its transports' into its {@code all} row), the
 * server's figures come from one agent's folder (the server is the same for every agent), ratios
 * are recomputed from the summed counts by {@link ClientCounts} and {@link TransportResult}
 * (never averaged), percentiles by {@link LatencySummary} from the added histograms (never
 * averaged), and every other column is a setting that must be the same in every folder: a folder
 * whose setting differs is refused with the column named. Stateless.
 */
final class SummaryMerge {

    /** Client counts: the merged cell is the sum. */
    static final Set<String> SUMMED = Set.of("sessions", "requests", "connections_opened", "closes_keepalive_limit",
            "closes_idle_timeout", "closes_server_other", "closes_client", "closes_error", "reconnects",
            "connect_failures", "messages_received", "errors", "reconnects_stream_ended", "reconnects_connection_lost",
            "reconnects_error", "reconnects_sequence_reset", "connect_failures_refused", "connect_failures_timeout",
            "connect_failures_other", "bytes_received", "bytes_sent", "sessions_opened", "first_message_censored",
            "streams_ended", "requests_failed", "requests_timed_out", "closes_stale_connection",
            "errors_stale_connection", "requests_retried", "browser_sessions_queued", "first_responses",
            "keep_alive_header_responses", "keep_alive_header_max_responses", "connection_keep_alive_responses",
            "client_cpu_s");
    /** Client counts that are blank when unknown: the sum, blank when any agent's is blank. */
    static final Set<String> SUMMED_IF_KNOWN = Set.of("messages_lost", "messages_duplicated");
    /** Client maxima (each agent its own process): the largest. */
    static final Set<String> MAXIMA = Set.of("requests_per_connection_max", "client_rss_mb_max", "client_heap_mb_max",
            "client_event_loop_delay_p99_ms", "client_event_loop_delay_max_ms", "browser_queue_wait_max_ms");
    /** Client minima: the smallest of those recorded. */
    static final Set<String> MINIMA = Set.of("browser_queue_wait_min_ms");
    /** The server's own figures: taken once, from the folder chosen for the server's reading. */
    static final Set<String> SERVER = Set.of("busy_threads_mean", "busy_threads_max", "server_connections_max",
            "messages_published", "server_requests", "server_connections_seen", "server_requests_per_connection_mean",
            "server_requests_per_connection_max", "server_closed_keepalive_limit", "busy_threads_p99", "busy_metric",
            "queue_length_max", "server_connections_mean", "server_samples", "server_closes_closing_response",
            "server_closes_stream_end", "server_closes_slow_consumer", "server_closes_write_failure",
            "server_closes_error", "publisher_lag_p99_ms", "publisher_lag_max_ms", "server_heap_mb_max",
            "server_rss_mb_max", "server_heap_bytes_per_session", "server_heap_sessions_held",
            "server_rss_bytes_per_session", "server_cpu_s");
    /** Columns of each run's own: its id, status, duration, and sessions open at once. */
    static final Set<String> OF_THE_MERGE = Set.of("run_id", "status", "measured_duration_s", "sessions_open_max");
    /** Columns computed from other cells of the merged row. */
    static final Set<String> RECOMPUTED = Set.of("requests_per_connection_mean", "requests_per_message",
            "bytes_per_message", "sessions_never_opened", "sessions_opened_ratio", "client_minus_server_requests",
            "client_minus_server_connections", "closes_server_unexplained", "server_cpu_us_per_message");

    /** Settings of the run: the same in every agent's folder, else the folders are refused. */
    static final Set<String> SETTINGS = Set.of("transport", "handler", "duration_s", "protocol", "max_threads",
            "max_connections", "accept_count", "keep_alive_timeout_ms", "max_keep_alive_requests", "virtual_threads",
            "publish_rate", "payload_bytes", "sse_timeout_ms", "poll_interval_ms", "browser", "proxy",
            "proxy_read_timeout_ms", "sse_heartbeat_ms", "max_batch", "request_connection_header", "api");
    /**
     * The {@code timeout=} every keep-alive header had ({@code FirstResponseHeaders#timeoutS}): the
     * agents' common value, empty when an agent that read such headers had none or they differ.
     */
    static final String KEEP_ALIVE_TIMEOUT = "keep_alive_header_timeout_s";

    /** A percentile column's histogram family (its tag prefix in {@code latency.hlog}) and figure. */
    private record Percentile(String tagPrefix, Function<LatencySummary, Double> figure) {
    }

    private static final Map<String, Percentile> PERCENTILES = percentiles();

    private SummaryMerge() {
    }

    /**
     * The rule sets that name {@code column}: exactly one for every column of {@code summary.csv}
     * (a test holds every column to it, so a new column cannot be merged by accident as a setting).
     */
    static List<String> rulesOf(String column) {
        List<String> rules = new ArrayList<>();
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        sets.put("summed", SUMMED);
        sets.put("summed-if-known", SUMMED_IF_KNOWN);
        sets.put("maxima", MAXIMA);
        sets.put("minima", MINIMA);
        sets.put("server", SERVER);
        sets.put("of-the-merge", OF_THE_MERGE);
        sets.put("recomputed", RECOMPUTED);
        sets.put("percentile", PERCENTILES.keySet());
        sets.put("setting", SETTINGS);
        sets.put("agreed", Set.of(KEEP_ALIVE_TIMEOUT));
        sets.forEach((name, set) -> {
            if (set.contains(column)) {
                rules.add(name);
            }
        });
        return rules;
    }

    private static Map<String, Percentile> percentiles() {
        Map<String, Percentile> map = new LinkedHashMap<>();
        family(map, "latency_", "");
        family(map, "response_time_", LatencyLogHeader.RESPONSE_TIME_TAG);
        map.put("response_time_uncorrected_p99_ms",
                new Percentile(LatencyLogHeader.UNCORRECTED_RESPONSE_TIME_TAG, LatencySummary::p99Ms));
        family(map, "first_message_", LatencyLogHeader.FIRST_MESSAGE_TAG);
        family(map, "failure_time_", LatencyLogHeader.FAILURE_TIME_TAG);
        family(map, "connect_time_", LatencyLogHeader.CONNECT_TIME_TAG);
        return Map.copyOf(map);
    }

    private static void family(Map<String, Percentile> map, String column, String tagPrefix) {
        map.put(column + "mean_ms", new Percentile(tagPrefix, LatencySummary::meanMs));
        map.put(column + "p50_ms", new Percentile(tagPrefix, LatencySummary::p50Ms));
        map.put(column + "p90_ms", new Percentile(tagPrefix, LatencySummary::p90Ms));
        map.put(column + "p99_ms", new Percentile(tagPrefix, LatencySummary::p99Ms));
        map.put(column + "p999_ms", new Percentile(tagPrefix, LatencySummary::p999Ms));
        map.put(column + "max_ms", new Percentile(tagPrefix, LatencySummary::maxMs));
    }

    /**
     * The merged rows, in the first folder's row order.
     *
     * @param folders          the agents' folders (same transports, checked by the caller)
     * @param server           the folder whose server figures are taken
     * @param histograms       the added histograms by tag (every agent's intervals of the tag)
     * @param runId            the merged run's id
     * @param status           the merged run's status
     * @param measuredDurationS the merged run's duration, from the first start to the last end
     * @param sessionsOpenMax  per row (transport name), the most sessions open at once over the agents
     */
    static List<Map<String, String>> rows(List<AgentFolder> folders, AgentFolder server,
            Map<String, Histogram> histograms, String runId, String status, double measuredDurationS,
            Map<String, Long> sessionsOpenMax) {
        List<String> columns = folders.get(0).summary().columns();
        List<String> transports = folders.get(0).summary().rows().stream().map(SummaryRow::transport).toList();
        List<Map<String, String>> merged = new ArrayList<>();
        for (String transport : transports) {
            List<SummaryRow> parts = folders.stream().map(f -> rowOf(f, transport)).toList();
            SummaryRow serverRow = rowOf(server, transport);
            Map<String, String> summedCounts = ClientCountsCells.cells(ClientCounts.sum(parts.stream()
                    .map(ClientCountsCells::read).toList()));
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : columns) {
                cells.put(column, cell(column, folders, parts, serverRow, transports, transport, histograms,
                        summedCounts));
            }
            cells.put("run_id", runId);
            if (cells.containsKey("status")) {
                cells.put("status", status);
            }
            if (cells.containsKey("measured_duration_s")) {
                cells.put("measured_duration_s", Figures.cell(measuredDurationS));
            }
            if (cells.containsKey("sessions_open_max")) {
                cells.put("sessions_open_max", Long.toString(sessionsOpenMax.getOrDefault(transport,
                        (long) sum(parts, "sessions_open_max"))));
            }
            recompute(cells, serverRow);
            merged.add(cells);
        }
        return merged;
    }

    private static String cell(String column, List<AgentFolder> folders, List<SummaryRow> parts, SummaryRow serverRow,
            List<String> transports, String transport, Map<String, Histogram> histograms,
            Map<String, String> summedCounts) {
        if (summedCounts.containsKey(column)) {
            // a figure no agent recorded stays unknown; the others are the sum of the agents' counts
            return parts.stream().allMatch(p -> p.text(column).isEmpty()) ? "" : summedCounts.get(column);
        }
        if (SUMMED.contains(column)) {
            // a figure no agent recorded (the client's CPU time where it could not be read) stays unknown
            return parts.stream().allMatch(p -> p.text(column).isEmpty()) ? "" : Figures.cell(sum(parts, column));
        }
        if (SUMMED_IF_KNOWN.contains(column)) {
            return parts.stream().anyMatch(p -> p.text(column).isEmpty()) ? "" : Figures.cell(sum(parts, column));
        }
        if (MAXIMA.contains(column)) {
            return extreme(parts, column, true);
        }
        if (MINIMA.contains(column)) {
            return extreme(parts, column, false);
        }
        if (SERVER.contains(column)) {
            return serverRow.cell(column);
        }
        if (OF_THE_MERGE.contains(column) || RECOMPUTED.contains(column)) {
            return "";
        }
        Percentile percentile = PERCENTILES.get(column);
        if (percentile != null) {
            return Figures.cell(percentile.figure().apply(LatencySummary.of(union(histograms, percentile.tagPrefix(),
                    transports, transport))));
        }
        // SETTINGS, and any column a newer harness wrote that this one does not know: it must not differ
        return setting(column, folders, parts, transport);
    }

    /** A setting's cell, the same in every folder, or the refusal naming it. */
    private static String setting(String column, List<AgentFolder> folders, List<SummaryRow> parts, String transport) {
        String first = parts.get(0).cell(column);
        for (int i = 1; i < parts.size(); i++) {
            String other = parts.get(i).cell(column);
            if (!SummaryRow.normalize(first).equals(SummaryRow.normalize(other))) {
                throw RunMerge.differ(folders.get(0), folders.get(i), "summary.csv " + column + " (transport "
                        + transport + ")", first, other);
            }
        }
        return first;
    }

    /**
     * The ratios and the client-versus-server check, computed by the classes that compute them
     * for a run, from the merged counts and the server's reading.
     */
    private static void recompute(Map<String, String> cells, SummaryRow serverRow) {
        SummaryRow row = new SummaryRow(cells);
        ClientCounts counts = ClientCountsCells.read(row);
        long serverRequests = serverRow.text("client_minus_server_requests").isPresent()
                ? count(serverRow, "server_requests") : -1;
        TransportResult result = new TransportResult(row.cell("transport"), (int) count(row, "sessions"), 0, counts,
                LatencySummary.EMPTY, LatencySummary.EMPTY, LatencySummary.EMPTY, serverRequests, null,
                LatencySummary.EMPTY, LatencySummary.EMPTY);
        putIfPresent(cells, "requests_per_connection_mean", Figures.cell(counts.requestsPerConnectionMean()));
        putIfPresent(cells, "requests_per_message", Figures.cell(counts.requestsPerMessage()));
        putIfPresent(cells, "bytes_per_message", Figures.cell(counts.bytesPerMessage()));
        // the server's CPU time, taken once, over every agent's deliveries
        putIfPresent(cells, "server_cpu_us_per_message", Figures.cell(ServerCpu.microsPerMessage(
                serverRow.number("server_cpu_s").orElse(Double.NaN), counts.messagesReceived())));
        if (row.has("sessions_opened")) {
            putIfPresent(cells, "sessions_never_opened", Long.toString(result.sessionsNeverOpened()));
            putIfPresent(cells, "sessions_opened_ratio", Figures.cell(result.sessionsOpenedRatio()));
        }
        Long requests = result.clientMinusServerRequests();
        putIfPresent(cells, "client_minus_server_requests", requests == null ? "" : requests.toString());
        // the server's per-connection ledger: the check of the merged connections against it, where it was made
        putIfPresent(cells, "client_minus_server_connections", serverRow.text("client_minus_server_connections")
                .isPresent() ? Long.toString(counts.connectionsOpened() - count(serverRow, "server_connections_seen"))
                : "");
        if (serverRow.text("closes_server_unexplained").isPresent()) {
            ServerCloseStats closes = new ServerCloseStats(0, count(serverRow, "server_closes_closing_response"),
                    count(serverRow, "server_closes_stream_end"), count(serverRow, "server_closes_slow_consumer"), 0,
                    count(serverRow, "server_closes_error"), 0);
            putIfPresent(cells, "closes_server_unexplained", Long.toString(Math.max(0,
                    count(row, "closes_server_other") - closes.explainingServerOther())));
        } else {
            putIfPresent(cells, "closes_server_unexplained", "");
        }
    }

    /** The union of one family's histograms for a row: its transport's tag, or every transport's for {@code all}. */
    private static Histogram union(Map<String, Histogram> histograms, String tagPrefix, List<String> transports,
            String transport) {
        Histogram union = new Histogram(3);
        boolean all = SummaryColumns.ALL_TRANSPORTS.equals(transport);
        for (String t : all ? transports : List.of(transport)) {
            Histogram h = histograms.get(tagPrefix + t);
            if (h != null) {
                union.add(h);
            }
        }
        return union;
    }

    private static SummaryRow rowOf(AgentFolder folder, String transport) {
        return folder.summary().rows().stream().filter(r -> r.transport().equals(transport)).findFirst()
                .orElseThrow(() -> new ResultsInputException(folder.dir().resolve("summary.csv").toString(),
                        "has no row for transport " + transport + " while the first folder has",
                        RunMerge.FIX_SAME_RUN));
    }

    private static double sum(List<SummaryRow> parts, String column) {
        return parts.stream().mapToDouble(p -> p.numberOr(column, 0)).sum();
    }

    private static String extreme(List<SummaryRow> parts, String column, boolean max) {
        return parts.stream().map(p -> p.number(column)).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).reduce(max ? Math::max : Math::min)
                .stream().mapToObj(Figures::cell).findFirst().orElse("");
    }

    private static long count(SummaryRow row, String column) {
        return (long) row.numberOr(column, 0);
    }

    private static void putIfPresent(Map<String, String> cells, String column, String value) {
        if (cells.containsKey(column)) {
            cells.put(column, value);
        }
    }
}
