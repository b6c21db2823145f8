package org.tomcatpush.harness.client.report.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;
import org.tomcatpush.harness.client.report.model.LatencyDistribution.PercentilePoint;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.results.ResultsInputException;

/**
 * Reads {@code latency.hlog} (an HdrHistogram interval log, values in microseconds, tag = the
 * transport) and adds up each tag's intervals into one {@link LatencyDistribution}.
 *
 * <p>HdrHistogram's reader silently skips lines it cannot parse, so every interval line is first
 * checked against the log format: a damaged line makes the file corrupt instead of quietly
 * shrinking the distribution. A log with no intervals (no message was received) is valid.
 */
public final class LatencyLogReader {

    public static final String FILE_NAME = "latency.hlog";

    /** Tag given to intervals written without one. */
    public static final String UNTAGGED = "all";

    /** Points per halving of the distance to 100 %, as HdrHistogram's own percentile output. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double MICROS_PER_MS = 1000.0;
    private static final Pattern INTERVAL_LINE =
            Pattern.compile("(Tag=[^,\\s]+,)?-?[0-9.]+,[0-9.]+,[0-9.]+,HIST[A-Za-z0-9+/=]+");

    private LatencyLogReader() {
    }

    /** Reads {@code file}; one distribution per tag, in order of first appearance. */
    public static List<LatencyDistribution> read(Path file) throws ResultsInputException {
        ResultsCsv.requireReadable(file);
        checkLines(file);
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(file.toFile());
            try {
                EncodableHistogram interval;
                while ((interval = reader.nextIntervalHistogram()) != null) {
                    if (!(interval instanceof AbstractHistogram histogram)) {
                        throw ResultsInputException.damaged(file, "holds a floating-point histogram; latency logs hold "
                                + "integer microseconds");
                    }
                    String tag = histogram.getTag() == null ? UNTAGGED : histogram.getTag();
                    byTag.computeIfAbsent(tag, t -> new Histogram(3)).add(histogram);
                }
            } finally {
                reader.close();
            }
        } catch (IOException | RuntimeException e) {
            throw ResultsInputException.damaged(file, "is not a readable HdrHistogram log (" + ResultsInputException.describe(e)
                    + ")", e);
        }
        List<LatencyDistribution> distributions = new ArrayList<>();
        byTag.forEach((tag, histogram) -> distributions.add(distribution(tag, histogram)));
        return distributions;
    }

    /** The whole-run distribution of one tag. */
    static LatencyDistribution distribution(String tag, AbstractHistogram h) {
        List<PercentilePoint> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                points.add(new PercentilePoint(v.getPercentileLevelIteratedTo(),
                        h.highestEquivalentValue(v.getValueIteratedTo()) / MICROS_PER_MS));
            }
        }
        return new LatencyDistribution(tag, h.getTotalCount(), h.getMean() / MICROS_PER_MS,
                ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9), h.getMaxValue() / MICROS_PER_MS, points);
    }

    private static double ms(AbstractHistogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / MICROS_PER_MS;
    }

    private static void checkLines(Path file) throws ResultsInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ResultsInputException.damaged(file, "cannot be read as text (" + ResultsInputException.describe(e) + ")", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            boolean header = line.isEmpty() || line.startsWith("#") || line.startsWith("\"StartTimestamp\"");
            if (!header && !INTERVAL_LINE.matcher(line).matches()) {
                throw ResultsInputException.damaged(file, "line " + (i + 1) + " is not an interval histogram");
            }
        }
    }
}
