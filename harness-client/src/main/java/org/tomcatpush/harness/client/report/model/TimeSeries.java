package org.tomcatpush.harness.client.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The numeric columns of {@code timeseries.csv}, one value per row (one row per second of the
 * run). Immutable: arrays are copied in and out. A blank cell is {@link Double#NaN}, which charts
 * draw as a gap and statistics skip.
 */
public final class TimeSeries {

    public static final String ELAPSED_S = "elapsed_s";
    public static final String EPOCH_MS = "epoch_ms";
    public static final String SESSIONS = "sessions";
    public static final String MESSAGES_PER_S = "messages_per_s";
    public static final String REQUESTS_PER_S = "requests_per_s";
    public static final String BUSY_THREADS = "busy_threads";
    public static final String QUEUE_LENGTH = "queue_length";
    public static final String SERVER_CONNECTIONS = "server_connections";
    public static final String CLIENT_CONNECTIONS = "client_connections";
    public static final String RECONNECTS = "reconnects";
    public static final String CONNECT_FAILURES = "connect_failures";
    public static final String ERRORS = "errors";
    public static final String LATENCY_P99_MS = "latency_p99_ms";
    /** {@code server_samples.csv}: connections the connector held. */
    public static final String SAMPLE_CONNECTIONS = "connections";
    /** {@code server_samples.csv}: async requests in flight, all transports. */
    public static final String SAMPLE_ASYNC_IN_FLIGHT = "async_in_flight";
    /** {@code server_samples.csv}: open WebSocket sessions. */
    public static final String SAMPLE_WS_SESSIONS = "ws_sessions";
    /** Per-transport columns of a mix are named {@code <transport>_<column>}, with {@code -} written as {@code _}. */
    public static final String PER_TRANSPORT_SEPARATOR = "_";

    private static final TimeSeries EMPTY = new TimeSeries(Map.of());

    private final Map<String, double[]> columns;
    private final int rows;

    /** @param columns values by column name, in display order; every array has the same length */
    public TimeSeries(Map<String, double[]> columns) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            if (length >= 0 && e.getValue().length != length) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " values, expected " + length);
            }
            length = e.getValue().length;
            copy.put(e.getKey(), e.getValue().clone());
        }
        this.columns = Collections.unmodifiableMap(copy);
        this.rows = Math.max(length, 0);
    }

    /** A series with no columns and no rows. */
    public static TimeSeries empty() {
        return EMPTY;
    }

    public int rows() {
        return rows;
    }

    /** Column names in file order. */
    public List<String> columns() {
        return List.copyOf(columns.keySet());
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** A copy of the column's values, or empty when the file has no such column. */
    public Optional<double[]> column(String column) {
        double[] values = columns.get(column);
        return values == null ? Optional.empty() : Optional.of(values.clone());
    }

    /**
     * The x axis of every time chart, in seconds since the start of the run: {@code elapsed_s}
     * when present, else {@code epoch_ms} relative to the first row, else the row number.
     */
    public double[] elapsedSeconds() {
        double[] elapsed = columns.get(ELAPSED_S);
        if (elapsed != null) {
            return elapsed.clone();
        }
        double[] x = new double[rows];
        double[] epochMs = columns.get(EPOCH_MS);
        for (int i = 0; i < rows; i++) {
            x[i] = epochMs != null && !Double.isNaN(epochMs[0]) ? (epochMs[i] - epochMs[0]) / 1000.0 : i;
        }
        return x;
    }

    /** The largest value of the column, skipping blanks; empty when absent or all blank. */
    public OptionalDouble max(String column) {
        double[] values = columns.get(column);
        if (values == null) {
            return OptionalDouble.empty();
        }
        double max = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(max) || v > max)) {
                max = v;
            }
        }
        return Double.isNaN(max) ? OptionalDouble.empty() : OptionalDouble.of(max);
    }

    /**
     * How long the column stood at or above {@code threshold}: the number of such rows times the
     * row interval (about one second). Zero when the column is absent.
     */
    public double secondsAtOrAbove(String column, double threshold) {
        double[] values = columns.get(column);
        if (values == null) {
            return 0;
        }
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v) && v >= threshold) {
                count++;
            }
        }
        return count * rowIntervalSeconds();
    }

    /** The mean time between rows, from the elapsed column; 1 s when it cannot be told. */
    public double rowIntervalSeconds() {
        if (rows < 2) {
            return 1;
        }
        double[] x = elapsedSeconds();
        double span = x[rows - 1] - x[0];
        return span > 0 && !Double.isNaN(span) ? span / (rows - 1) : 1;
    }

    /**
     * The per-transport variant of {@code column} in a mix ({@code long_poll_messages_per_s} for
     * {@code long-poll} and {@code messages_per_s}).
     */
    public static String perTransport(String transport, String column) {
        return transport.replace('-', '_') + PER_TRANSPORT_SEPARATOR + column;
    }
}
