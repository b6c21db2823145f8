package org.tomcatpush.harness.client.compare;

/**
 * How far one metric may move from the baseline before it is a regression. Immutable.
 * <ul>
 * <li>{@link Kind#BANDED}: an allowance that is the larger of a relative part ({@code 25%} of the
 * baseline) and an absolute part (in the metric's unit), in a {@link Direction}: written
 * {@code +25%}, {@code +20ms}, {@code +50% or +20ms}, {@code -10%}, {@code ±2}, {@code +0}.</li>
 * <li>{@link Kind#EXACT}: the current value must equal the baseline, either way ({@code exact}).</li>
 * <li>{@link Kind#IGNORE}: not compared ({@code ignore}).</li>
 * </ul>
 *
 * @param kind            banded, exact or ignore
 * @param direction       the way the metric may not move; {@link Direction#MAY_NOT_MOVE} for exact
 * @param relativePercent the relative allowance in percent of the baseline, NaN when absent
 * @param absoluteAmount  the absolute allowance in the metric's unit, NaN when absent
 * @param text            the tolerance as written, for tables and messages
 */
public record Tolerance(Kind kind, Direction direction, double relativePercent, double absoluteAmount, String text) {

    /** What kind of comparison a tolerance asks for. */
    public enum Kind { BANDED, EXACT, IGNORE }

    /** {@code exact}. */
    public static final Tolerance EXACT = new Tolerance(Kind.EXACT, Direction.MAY_NOT_MOVE, Double.NaN, 0, "exact");

    /** {@code ignore}. */
    public static final Tolerance IGNORE = new Tolerance(Kind.IGNORE, Direction.MAY_NOT_MOVE, Double.NaN, Double.NaN,
            "ignore");

    /** True unless this is {@code ignore}. */
    public boolean compared() {
        return kind != Kind.IGNORE;
    }

    /**
     * True when the tolerance allows no movement in its direction at all ({@code exact}, {@code +0},
     * {@code -0}): such metrics are exact by design, so repeats keep their worst value, not the median.
     */
    public boolean strict() {
        return kind == Kind.EXACT
                || kind == Kind.BANDED && !(relativePercent > 0) && !(absoluteAmount > 0);
    }

    /** How far the metric may move from {@code baseline} (0 for exact). */
    public double allowance(double baseline) {
        if (kind != Kind.BANDED) {
            return 0;
        }
        double relative = Double.isNaN(relativePercent) ? 0 : Math.abs(baseline) * relativePercent / 100.0;
        double absolute = Double.isNaN(absoluteAmount) ? 0 : absoluteAmount;
        return Math.max(relative, absolute);
    }

    @Override
    public String toString() {
        return text;
    }
}
