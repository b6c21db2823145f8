package org.tomcatpush.harness.client.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one chart shows, independent of the charting library: the page's script turns it into a
 * Chart.js chart. Immutable; build with {@link #builder(String, Kind)}. Run and sweep reports
 * describe their charts with this, so chart code is written once.
 *
 * @param id         unique on the page; also the canvas element's id
 * @param kind       line (numeric x) or bars (one group per category)
 * @param title      heading above the chart
 * @param help       one or two sentences under the heading: how to read the chart
 * @param xAxis      how x values are placed and labelled
 * @param xLabel     x axis title
 * @param yLabel     left y axis title
 * @param y2Label    right y axis title, or empty when no series uses it
 * @param logY       logarithmic left y axis
 * @param stacked    bars stacked per category
 * @param categories bar chart categories (x labels), empty for line charts
 * @param series     the data
 * @param emptyText  the one line shown instead of the chart when it has nothing to show
 *                   ({@code "no reconnects"})
 */
public record ChartSpec(
        String id,
        Kind kind,
        String title,
        String help,
        XAxis xAxis,
        String xLabel,
        String yLabel,
        String y2Label,
        boolean logY,
        boolean stacked,
        List<String> categories,
        List<Series> series,
        String emptyText) {

    /** Shown in place of a chart with nothing to show, unless the chart says better. */
    public static final String DEFAULT_EMPTY_TEXT = "no data: this run recorded nothing for this chart";

    /** The chart types the page script can draw. */
    public enum Kind { LINE, BAR }

    /** How the x axis is laid out. */
    public enum XAxis {
        /** Plain numbers (seconds, a swept setting). */
        LINEAR,
        /**
         * Percentiles placed at 1/(1-p) on a log scale and labelled 50%, 90%, 99%, 99.9%..., as
         * HdrHistogram plots them; x values are percentiles (0-100).
         */
        PERCENTILE,
        /** Named categories (transports, runs). */
        CATEGORY
    }

    public ChartSpec {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("chart id must be a plain identifier: " + id);
        }
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /**
     * Whether the chart has something to show: a value other than 0 in a series that is not a
     * limit line. Zeros alone would draw bare axes, so such a chart is its {@link #emptyText} instead.
     */
    public boolean hasData() {
        return series.stream().anyMatch(s -> !s.limit() && s.hasNonZero());
    }

    public static Builder builder(String id, Kind kind) {
        return new Builder(id, kind);
    }

    /** Collects the parts of a {@link ChartSpec}. Not thread-safe; use once. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private String title = "";
        private String help = "";
        private XAxis xAxis;
        private String xLabel = "";
        private String yLabel = "";
        private String y2Label = "";
        private boolean logY;
        private boolean stacked;
        private final List<String> categories = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();
        private String emptyText = DEFAULT_EMPTY_TEXT;

        private Builder(String id, Kind kind) {
            this.id = id;
            this.kind = kind;
            this.xAxis = kind == Kind.BAR ? XAxis.CATEGORY : XAxis.LINEAR;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        public Builder xAxis(XAxis xAxis, String label) {
            this.xAxis = xAxis;
            this.xLabel = label;
            return this;
        }

        public Builder yAxis(String label) {
            this.yLabel = label;
            return this;
        }

        public Builder rightYAxis(String label) {
            this.y2Label = label;
            return this;
        }

        public Builder logY() {
            this.logY = true;
            return this;
        }

        public Builder stacked() {
            this.stacked = true;
            return this;
        }

        public Builder categories(List<String> names) {
            categories.addAll(names);
            return this;
        }

        public Builder series(Series s) {
            series.add(s);
            return this;
        }

        /** The one line shown when the chart has nothing to show, e.g. {@code "no reconnects"}. */
        public Builder whenEmpty(String text) {
            this.emptyText = text;
            return this;
        }

        public ChartSpec build() {
            return new ChartSpec(id, kind, title, help, xAxis, xLabel, yLabel, y2Label, logY, stacked, categories,
                    series, emptyText);
        }
    }
}
