package org.tomcatpush.harness.client.results;

import java.util.Map;

/**
 * The capacity planner's figures of one {@code summary.csv} row: what 1,000 held sessions cost in
 * TCP connections, busy worker threads, requests per minute and server memory, beside the
 * delivery figures that are not scaled (bytes per message, latency, time to first message).
 * Computed from the row's cells as the file holds them (by column name), so the report (reading
 * {@code summary.csv}) and the CLI's summary table (reading {@link SummaryCsv#cells}) show the
 * very same numbers: this is the one place these figures are computed. Immutable; absent figures
 * are {@link Double#NaN}.
 *
 * <p>"Held" sessions are {@code sessions_opened} (sessions that ever opened) when the row has it,
 * else the planned {@code sessions}: sessions that never opened hold nothing on the server.
 *
 * <pre>
 * CapacityFigures f = CapacityFigures.of(row.cells());
 * double connectionsPer1k = f.connectionsPer1k();
 * </pre>
 *
 * @param sessionsPlanned       {@code sessions}
 * @param sessionsOpened        {@code sessions_opened}, NaN in files that predate it
 * @param sessionsHeld          the divisor: {@code sessionsOpened}, else {@code sessionsPlanned}
 * @param heldColumn            the column {@code sessionsHeld} came from
 * @param connectionsPer1k      {@code server_connections_max} per 1,000 held sessions (the server's
 *                              connector, so only in rows that stand for the server's whole traffic)
 * @param busyThreadsMeanPer1k  {@code busy_threads_mean} per 1,000 held sessions
 * @param busyThreadsMaxPer1k   {@code busy_threads_max} per 1,000 held sessions
 * @param requestsPerMinutePer1k {@code requests / measured_duration_s * 60} per 1,000 held sessions
 *                              ({@code duration_s} when the measured duration is absent)
 * @param heapMbPer1k           {@code server_heap_mb_max} per 1,000 held sessions (the idle baseline included)
 * @param rssMbPer1k            {@code server_rss_mb_max} per 1,000 held sessions (the idle baseline included)
 * @param bytesPerMessage       {@code bytes_per_message}
 * @param latencyP50Ms          {@code latency_p50_ms}
 * @param latencyP99Ms          {@code latency_p99_ms}
 * @param latencyP999Ms         {@code latency_p999_ms}
 * @param firstMessageP99Ms     {@code first_message_p99_ms}
 * @param heldHeapMbPer1k       {@code server_heap_bytes_per_session} for 1,000 sessions, MiB: the live heap
 *                              they hold, the idle server's subtracted (single-transport rows only)
 * @param heldRssMbPer1k        {@code server_rss_bytes_per_session} for 1,000 sessions, MiB: what the process
 *                              grew by to hold them, the idle server's RSS subtracted
 */
public record CapacityFigures(double sessionsPlanned, double sessionsOpened, double sessionsHeld, String heldColumn,
        double connectionsPer1k, double busyThreadsMeanPer1k, double busyThreadsMaxPer1k,
        double requestsPerMinutePer1k, double heapMbPer1k, double rssMbPer1k, double bytesPerMessage,
        double latencyP50Ms, double latencyP99Ms, double latencyP999Ms, double firstMessageP99Ms,
        double heldHeapMbPer1k, double heldRssMbPer1k) {

    /** Sessions the per-1,000 figures are scaled to. */
    public static final double PER_SESSIONS = 1000;
    /** The column of sessions that ever opened, the preferred divisor. */
    public static final String SESSIONS_OPENED = "sessions_opened";
    /** The column of planned sessions, the divisor of files without {@link #SESSIONS_OPENED}. */
    public static final String SESSIONS = "sessions";
    /** Column of the server's heap peak, MB (written by the server-memory columns when present). */
    public static final String SERVER_HEAP_MB_MAX = "server_heap_mb_max";
    /** Column of the server process's RSS peak, MB. */
    public static final String SERVER_RSS_MB_MAX = "server_rss_mb_max";
    /** Column of the live heap per held session over the idle server's, bytes. */
    public static final String SERVER_HEAP_BYTES_PER_SESSION = "server_heap_bytes_per_session";
    /** Column of the RSS growth per held session over the idle server's, bytes. */
    public static final String SERVER_RSS_BYTES_PER_SESSION = "server_rss_bytes_per_session";
    /** Bytes in a MiB, the unit of the memory columns. */
    private static final double BYTES_PER_MIB = 1024 * 1024;

    /** The figures of one row; {@code cells} maps column names to cells as {@code summary.csv} writes them. */
    public static CapacityFigures of(Map<String, String> cells) {
        double planned = number(cells, SESSIONS);
        double opened = number(cells, SESSIONS_OPENED);
        boolean byOpened = !Double.isNaN(opened);
        double held = byOpened ? opened : planned;
        double durationS = number(cells, "measured_duration_s");
        if (Double.isNaN(durationS)) {
            durationS = number(cells, "duration_s");
        }
        double requestsPerMinute = durationS > 0 ? number(cells, "requests") / durationS * 60 : Double.NaN;
        return new CapacityFigures(planned, opened, held, byOpened ? SESSIONS_OPENED : SESSIONS,
                per1k(number(cells, "server_connections_max"), held),
                per1k(number(cells, "busy_threads_mean"), held),
                per1k(number(cells, "busy_threads_max"), held),
                per1k(requestsPerMinute, held),
                per1k(number(cells, SERVER_HEAP_MB_MAX), held),
                per1k(number(cells, SERVER_RSS_MB_MAX), held),
                number(cells, "bytes_per_message"),
                number(cells, "latency_p50_ms"),
                number(cells, "latency_p99_ms"),
                number(cells, "latency_p999_ms"),
                number(cells, "first_message_p99_ms"),
                number(cells, SERVER_HEAP_BYTES_PER_SESSION) * PER_SESSIONS / BYTES_PER_MIB,
                number(cells, SERVER_RSS_BYTES_PER_SESSION) * PER_SESSIONS / BYTES_PER_MIB);
    }

    /** {@code value} per 1,000 of {@code held} sessions; NaN when either is unknown or none was held. */
    public static double per1k(double value, double held) {
        return held > 0 ? value / held * PER_SESSIONS : Double.NaN;
    }

    /** A cell as a number: NaN when absent, blank, {@code n/a} or not a number. */
    private static double number(Map<String, String> cells, String column) {
        String cell = cells.get(column);
        if (cell == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
