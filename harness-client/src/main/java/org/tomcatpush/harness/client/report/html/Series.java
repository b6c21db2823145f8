package org.tomcatpush.harness.client.report.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One data series of a chart. Immutable. A line series has an x for every y; a bar series has
 * only ys, one per category of its chart. {@link Double#NaN} is a gap.
 *
 * @param label     legend text (plain text; charts draw it on a canvas, never as HTML)
 * @param x         x values, empty for bar series
 * @param y         y values
 * @param rightAxis plot against the chart's second (right-hand) y axis
 * @param limit     a configured limit drawn for reference (maxThreads), not a measurement: drawn
 *                  dashed, and a chart with only limits has nothing to show
 */
public record Series(String label, List<Double> x, List<Double> y, boolean rightAxis, boolean limit) {

    /** A measured series. */
    public Series(String label, List<Double> x, List<Double> y, boolean rightAxis) {
        this(label, x, y, rightAxis, false);
    }

    public Series {
        if (!x.isEmpty() && x.size() != y.size()) {
            throw new IllegalArgumentException("series " + label + ": " + x.size() + " x values but " + y.size()
                    + " y values");
        }
        x = Collections.unmodifiableList(new ArrayList<>(x));
        y = Collections.unmodifiableList(new ArrayList<>(y));
    }

    /** A line series from parallel arrays. */
    public static Series line(String label, double[] x, double[] y, boolean rightAxis) {
        return new Series(label, boxed(x), boxed(y), rightAxis);
    }

    /** A horizontal limit line at {@code value} over the x values {@code x}. */
    public static Series limitLine(String label, double[] x, double value, boolean rightAxis) {
        double[] y = new double[x.length];
        java.util.Arrays.fill(y, value);
        return new Series(label, boxed(x), boxed(y), rightAxis, true);
    }

    /** A bar series, one value per category. */
    public static Series bars(String label, List<Double> values) {
        return new Series(label, List.of(), values, false);
    }

    /** Whether at least one y is a number. */
    public boolean hasData() {
        return y.stream().anyMatch(v -> v != null && !v.isNaN() && !v.isInfinite());
    }

    /** Whether at least one y is a number other than 0. */
    public boolean hasNonZero() {
        return y.stream().anyMatch(v -> v != null && !v.isNaN() && !v.isInfinite() && v != 0);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
