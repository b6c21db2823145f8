package org.tomcatpush.harness.client.merge;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.tomcatpush.harness.client.report.load.LatencyLogReader;
import org.tomcatpush.harness.client.results.LatencyLogHeader;

/**
 * The agents' {@code latency.hlog} intervals added per tag: per second of the common clock (the
 * interval's start, epoch ms, rounded down to the second) for the merged log, and over the whole
 * run for the summary's percentiles. Histograms are added with HdrHistogram's {@code add}, so a
 * merged percentile is the percentile of the union of every agent's recorded values. Mutable while
 * the folders are added, then read; one merge owns it.
 */
final class LatencyMerge {

    private static final long MS_PER_S = 1000;

    /** second (epoch ms of its start) to tag to the histogram of that second. */
    private final Map<Long, Map<String, Histogram>> bySecond = new TreeMap<>();
    private final Map<String, Histogram> totals = new TreeMap<>();

    void add(List<AbstractHistogram> intervals) {
        for (AbstractHistogram interval : intervals) {
            String tag = interval.getTag() == null ? LatencyLogReader.UNTAGGED : interval.getTag();
            long secondMs = Math.floorDiv(interval.getStartTimeStamp(), MS_PER_S) * MS_PER_S;
            Histogram second = bySecond.computeIfAbsent(secondMs, s -> new TreeMap<>())
                    .computeIfAbsent(tag, t -> newHistogram(t, secondMs));
            second.add(interval);
            second.setEndTimeStamp(Math.max(second.getEndTimeStamp(), interval.getEndTimeStamp()));
            totals.computeIfAbsent(tag, t -> new Histogram(3)).add(interval);
        }
    }

    /** The whole run's histogram of each tag. */
    Map<String, Histogram> totals() {
        return totals;
    }

    /** The histogram of {@code tags} added over the second starting at {@code secondMs}; empty when none. */
    Histogram second(long secondMs, List<String> tags) {
        Histogram union = new Histogram(3);
        Map<String, Histogram> second = bySecond.getOrDefault(secondMs, Map.of());
        for (String tag : tags) {
            Histogram h = second.get(tag);
            if (h != null) {
                union.add(h);
            }
        }
        return union;
    }

    /** Writes the merged log: the header with the run's start, then each second's histograms, tag by tag. */
    void write(Path file, long startEpochMs) throws IOException {
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            LatencyLogHeader.write(writer, startEpochMs);
            for (Map<String, Histogram> second : bySecond.values()) {
                for (Histogram h : second.values()) {
                    writer.outputIntervalHistogram(h);
                }
            }
        } finally {
            writer.close();
        }
    }

    private static Histogram newHistogram(String tag, long startMs) {
        Histogram h = new Histogram(3);
        h.setTag(LatencyLogReader.UNTAGGED.equals(tag) ? null : tag);
        h.setStartTimeStamp(startMs);
        h.setEndTimeStamp(startMs);
        return h;
    }
}
