package org.tomcatpush.harness.client.report.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.ChartSpec.Kind;
import org.tomcatpush.harness.client.report.html.ChartSpec.XAxis;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.server.config.TimeValue;

/**
 * The sweep report's charts: one per {@link SweepMetric}, with the first swept key other than
 * {@code transport} on x and one series per transport and per value of the other swept keys
 * ({@code sse / blocking}). Numbers and durations on x make a line chart on a linear axis
 * (durations in ms); other values make grouped bars. When only {@code transport} was swept, each
 * transport is a bar. Only completed runs are charted. Immutable.
 */
public final class SweepCharts {

    /** The swept key that never goes on x: it names the series. */
    public static final String TRANSPORT_KEY = "transport";

    private final SweepTable sweep;
    private final String xKey;
    private final Map<String, Double> xNumbers;
    private final String xLabel;

    public SweepCharts(SweepTable sweep) {
        this.sweep = sweep;
        this.xKey = sweep.sweptKeys().stream().filter(k -> !k.equals(TRANSPORT_KEY)).findFirst().orElse(null);
        List<String> values = xKey == null ? List.of() : sweep.values(xKey);
        Map<String, Double> numbers = asNumbers(values);
        String label = xKey;
        if (numbers == null) {
            numbers = asMillis(values);
            label = xKey + " (ms)";
        }
        this.xNumbers = numbers;
        this.xLabel = numbers == null ? xKey : label;
    }

    /** The key on the x axis; empty when only {@code transport} was swept. */
    public Optional<String> xKey() {
        return Optional.ofNullable(xKey);
    }

    /** The chart of {@code metric}. */
    public ChartSpec chart(SweepMetric metric) {
        List<SummaryRow> rows = sweep.completedRows();
        String id = "sweep-" + metric.column().replace('_', '-');
        ChartSpec.Builder chart;
        if (xKey == null) {
            Map<String, Double> byTransport = new LinkedHashMap<>();
            rows.forEach(r -> byTransport.put(seriesLabel(r), value(r, metric)));
            chart = ChartSpec.builder(id, Kind.BAR).xAxis(XAxis.CATEGORY, TRANSPORT_KEY)
                    .categories(List.copyOf(byTransport.keySet()))
                    .series(Series.bars(metric.title(), List.copyOf(byTransport.values())));
        } else if (xNumbers != null) {
            ChartSpec.Builder lines = ChartSpec.builder(id, Kind.LINE).xAxis(XAxis.LINEAR, xLabel);
            Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
            for (SummaryRow r : rows) {
                Double x = xNumbers.get(sweep.sweptValue(r, xKey).orElse(""));
                if (x != null) {
                    series.computeIfAbsent(seriesLabel(r), k -> new TreeMap<>()).put(x, value(r, metric));
                }
            }
            series.forEach((label, points) -> lines.series(new Series(label, List.copyOf(points.keySet()),
                    List.copyOf(points.values()), false)));
            chart = lines;
        } else {
            List<String> categories = sweep.values(xKey);
            ChartSpec.Builder bars = ChartSpec.builder(id, Kind.BAR).xAxis(XAxis.CATEGORY, xKey).categories(categories);
            Map<String, Double[]> series = new LinkedHashMap<>();
            for (SummaryRow r : rows) {
                int at = categories.indexOf(sweep.sweptValue(r, xKey).orElse(""));
                if (at >= 0) {
                    series.computeIfAbsent(seriesLabel(r), k -> nans(categories.size()))[at] = value(r, metric);
                }
            }
            series.forEach((label, ys) -> bars.series(Series.bars(label, List.of(ys))));
            chart = bars;
        }
        return chart.title(metric.title()).yAxis(metric.unit()).help(metric.help() + " " + legendHelp()).build();
    }

    /**
     * The series a row belongs to: its transport (with the swept mix it was part of, when that
     * differs), then the values of the other swept keys, {@code sse / blocking}.
     */
    public String seriesLabel(SummaryRow row) {
        List<String> parts = new ArrayList<>();
        String transport = row.transport();
        Optional<String> sweptMix = sweep.sweptValue(row, TRANSPORT_KEY);
        parts.add(sweptMix.isPresent() && !sweptMix.get().equals(transport)
                ? transport + " in " + sweptMix.get() : transport);
        for (String key : sweep.sweptKeys()) {
            if (!key.equals(TRANSPORT_KEY) && !key.equals(xKey)) {
                sweep.sweptValue(row, key).ifPresent(v -> parts.add(valueLabel(key, v)));
            }
        }
        return String.join(" / ", parts);
    }

    private String legendHelp() {
        if (xKey == null) {
            return "One bar per transport; failed runs are left out.";
        }
        return "x: " + xKey + "; one " + (xNumbers != null ? "line" : "bar colour") + " per transport"
                + (sweep.sweptKeys().size() > (sweep.sweptKeys().contains(TRANSPORT_KEY) ? 2 : 1)
                        ? " and value of the other swept keys" : "") + "; failed runs are left out.";
    }

    /** A bare number or switch value says little in a legend on its own: {@code max-threads=50}. */
    private static String valueLabel(String key, String value) {
        boolean bare = value.equals("true") || value.equals("false") || value.matches("-?[0-9.]+");
        return bare ? key + "=" + value : value;
    }

    private static double value(SummaryRow row, SweepMetric metric) {
        OptionalDouble v = row.number(metric.column());
        return v.isPresent() ? v.getAsDouble() : Double.NaN;
    }

    private static Double[] nans(int n) {
        Double[] values = new Double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** Each value as a number, or null when one is not a plain number. */
    private static Map<String, Double> asNumbers(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (String v : values) {
            OptionalDouble d = SummaryRow.parse(v);
            if (d.isEmpty()) {
                return null;
            }
            numbers.put(v, d.getAsDouble());
        }
        return numbers;
    }

    /**
     * Each value as a duration in ms, or null when one is not a time value. A plain number is
     * milliseconds here: only server time keys (Tomcat's milliseconds) can hold one, such as
     * {@code keep-alive-timeout: [500, 1s, 2s]}; client keys refuse it before any run.
     */
    private static Map<String, Double> asMillis(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        Map<String, Double> millis = new LinkedHashMap<>();
        for (String v : values) {
            try {
                millis.put(v, (double) TimeValue.parse(v).millis());
            } catch (RuntimeException notADuration) {
                return null;
            }
        }
        return millis;
    }
}
