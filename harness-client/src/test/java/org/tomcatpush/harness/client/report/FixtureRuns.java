package org.tomcatpush.harness.client.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Builds run folders for tests: the committed CSV and JSON fixtures under
 * {@code src/test/resources/report/} plus a {@code latency.hlog} written here with HdrHistogram's
 * own log writer, as {@code harness run} writes it.
 */
public final class FixtureRuns {

    /** A mixed SSE/WebSocket run: blocking handler, maxThreads 8 saturated, 3 SSE messages lost. */
    public static final String MIXED = "mixed-run";
    /**
     * Experiment E1 as the results writer lays it out (every column, {@code server_samples.csv},
     * response-time tags): 20 short-poll sessions, maxKeepAliveRequests 10, every close at the limit.
     */
    public static final String POLL = "poll-run";

    private static final List<String> FILES = List.of("summary.csv", "timeseries.csv", "run.json");
    private static final List<String> OPTIONAL_FILES = List.of("server_samples.csv");

    private FixtureRuns() {
    }

    /**
     * Copies fixture {@code name} into {@code dir} and writes its latency log: for {@link #MIXED}
     * 2400 sse and 1600 ws values, for {@link #POLL} 1000 short-poll values and as many poll
     * response times (intended and actual).
     */
    public static Path create(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : FILES) {
            copy(name, file, dir, true);
        }
        for (String file : OPTIONAL_FILES) {
            copy(name, file, dir, false);
        }
        writeLatencyLog(dir.resolve("latency.hlog"), latencies(name), 2);
        return dir;
    }

    /** The latency values (microseconds) by tag that {@link #create} writes for fixture {@code name}. */
    public static Map<String, long[]> latencies(String name) {
        Map<String, long[]> latencies = new LinkedHashMap<>();
        if (name.equals(POLL)) {
            latencies.put("short-poll", spread(1000, 90_000, 201_300));
            latencies.put("response-time.short-poll", spread(1000, 600, 9_100));
            latencies.put("response-time-uncorrected.short-poll", spread(1000, 600, 8_000));
        } else {
            latencies.put("sse", spread(2400, 400, 9_800));
            latencies.put("ws", spread(1600, 300, 4_400));
        }
        return latencies;
    }

    private static void copy(String name, String file, Path dir, boolean required) throws IOException {
        try (InputStream in = FixtureRuns.class.getResourceAsStream("/report/" + name + "/" + file)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException("no fixture report/" + name + "/" + file);
                }
                return;
            }
            Files.copy(in, dir.resolve(file));
        }
    }

    /** {@code count} latencies in microseconds, from {@code minMicros} rising to {@code maxMicros}, with a tail. */
    public static long[] spread(int count, long minMicros, long maxMicros) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            double q = (double) i / Math.max(1, count - 1);
            values[i] = minMicros + Math.round((maxMicros - minMicros) * Math.pow(q, 8));
        }
        return values;
    }

    /**
     * Writes an interval log as the results writer does: per tag, the values split evenly over
     * {@code intervals} interval histograms, one second each.
     */
    public static void writeLatencyLog(Path file, Map<String, long[]> valuesMicrosByTag, int intervals)
            throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputComment("tomcat-push-harness: values in microseconds; tag <transport> = delivery latency");
            writer.outputStartTime(1_767_268_800_000L);
            writer.setBaseTime(1_767_268_800_000L);
            writer.outputBaseTime(1_767_268_800_000L);
            writer.outputLegend();
            for (int interval = 0; interval < intervals; interval++) {
                for (Map.Entry<String, long[]> e : valuesMicrosByTag.entrySet()) {
                    Histogram h = new Histogram(3_600_000_000L, 3);
                    long[] values = e.getValue();
                    for (int i = interval; i < values.length; i += intervals) {
                        h.recordValue(values[i]);
                    }
                    h.setStartTimeStamp(1_767_268_800_000L + interval * 1000L);
                    h.setEndTimeStamp(1_767_268_800_000L + (interval + 1) * 1000L);
                    h.setTag(e.getKey());
                    writer.outputIntervalHistogram(h);
                }
            }
        }
    }

    /** Replaces every {@code from} with {@code to} in a fixture file. */
    public static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.contains(from)) {
                throw new IllegalStateException(file.getFileName() + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
