package org.tomcatpush.harness.client.compare;

/**
 * The unit of a metric, read from its column name as the results contract writes it: names ending
 * in {@code _ms} are milliseconds, names ending in {@code _s} seconds, everything else a plain
 * number (a count, a ratio, a rate). Absolute tolerances may carry a time unit only for time metrics.
 */
public enum MetricUnit {
    MILLISECONDS("ms", 1.0),
    SECONDS("s", 1000.0),
    NONE("", Double.NaN);

    private final String symbol;
    private final double millisPerUnit;

    MetricUnit(String symbol, double millisPerUnit) {
        this.symbol = symbol;
        this.millisPerUnit = millisPerUnit;
    }

    /** The unit of the column {@code metric}. */
    public static MetricUnit of(String metric) {
        if (metric.endsWith("_ms")) {
            return MILLISECONDS;
        }
        if (metric.endsWith("_s")) {
            return SECONDS;
        }
        return NONE;
    }

    /** {@code ms}, {@code s}, or empty for a plain number. */
    public String symbol() {
        return symbol;
    }

    /** True for milliseconds and seconds. */
    public boolean isTime() {
        return this != NONE;
    }

    /**
     * {@code amount} of {@code from} (a time unit) expressed in this unit.
     *
     * @throws IllegalStateException when either unit is not a time unit
     */
    public double convert(double amount, MetricUnit from) {
        if (!isTime() || !from.isTime()) {
            throw new IllegalStateException("not a time unit: " + this + " or " + from);
        }
        return amount * from.millisPerUnit / millisPerUnit;
    }

    /** A value followed by this unit, for messages: {@code 12.5 ms}, {@code 3}. */
    public String format(String value) {
        return symbol.isEmpty() ? value : value + " " + symbol;
    }
}
