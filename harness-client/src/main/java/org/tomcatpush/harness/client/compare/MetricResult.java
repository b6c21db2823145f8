package org.tomcatpush.harness.client.compare;

/**
 * One metric of one run compared with its baseline. Immutable; its wording lives in {@link MetricText}.
 *
 * @param metric     the column name
 * @param baseline   the baseline value, NaN when empty
 * @param current    the current value, NaN when empty
 * @param tolerance  the tolerance that applied (after rules)
 * @param lowerLimit the lowest value that passes, NaN when there is none
 * @param upperLimit the highest value that passes, NaN when there is none
 * @param verdict    the outcome
 */
public record MetricResult(String metric, double baseline, double current, Tolerance tolerance, double lowerLimit,
        double upperLimit, Verdict verdict) {

    /** Compares {@code current} with {@code baseline} under {@code tolerance} (which must not be ignore). */
    public static MetricResult evaluate(String metric, double baseline, double current, Tolerance tolerance) {
        if (Double.isNaN(baseline)) {
            return new MetricResult(metric, baseline, current, tolerance, Double.NaN, Double.NaN, Verdict.NOT_AVAILABLE);
        }
        double allowance = tolerance.allowance(baseline);
        Direction direction = tolerance.direction();
        double lower = direction == Direction.MAY_NOT_RISE ? Double.NaN : baseline - allowance;
        double upper = direction == Direction.MAY_NOT_FALL ? Double.NaN : baseline + allowance;
        Verdict verdict;
        if (Double.isNaN(current)) {
            verdict = Verdict.MISSING;
        } else if (above(current, upper) || below(current, lower)) {
            verdict = Verdict.REGRESSION;
        } else if (direction == Direction.MAY_NOT_RISE && below(current, baseline - allowance)
                || direction == Direction.MAY_NOT_FALL && above(current, baseline + allowance)) {
            verdict = Verdict.IMPROVED;
        } else {
            verdict = Verdict.OK;
        }
        return new MetricResult(metric, baseline, current, tolerance, lower, upper, verdict);
    }

    /** Files keep three decimals: differences far below that are rounding, not change. */
    private static boolean above(double value, double limit) {
        return !Double.isNaN(limit) && value > limit + 1e-9 * Math.max(1, Math.abs(limit));
    }

    private static boolean below(double value, double limit) {
        return !Double.isNaN(limit) && value < limit - 1e-9 * Math.max(1, Math.abs(limit));
    }
}
