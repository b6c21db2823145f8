package org.tomcatpush.harness.client.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How compare writes figures, changes, limits and failure messages, the same in the console
 * table, {@code compare.md} and {@code compare-junit.xml}. Stateless.
 */
public final class Figures {

    private Figures() {
    }

    /** A figure as the results files write it: at most three decimals, no trailing zeros, empty when unknown. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A figure for a table: {@link #format(double)}, or {@code -} when unknown. */
    public static String cell(double value) {
        String text = format(value);
        return text.isEmpty() ? "-" : text;
    }

    /** The change from baseline to current: {@code +3.5 (+12.5%)}, {@code 0}, or {@code -}. */
    public static String change(MetricResult r) {
        if (Double.isNaN(r.baseline()) || Double.isNaN(r.current())) {
            return "-";
        }
        double delta = r.current() - r.baseline();
        String absolute = format(delta);
        if (absolute.equals("0")) {
            return "0";
        }
        String signed = delta > 0 ? "+" + absolute : absolute;
        if (r.baseline() == 0) {
            return signed;
        }
        return signed + String.format(Locale.ROOT, " (%+.1f%%)", 100.0 * delta / Math.abs(r.baseline()));
    }

    /** The values that pass, e.g. {@code <= 32 (+100% or +20ms)}, {@code = 0}, {@code 9 .. 11 (±10%)}. */
    public static String limit(MetricResult r) {
        boolean lower = !Double.isNaN(r.lowerLimit());
        boolean upper = !Double.isNaN(r.upperLimit());
        if (!lower && !upper) {
            return "-";
        }
        String range;
        if (lower && upper) {
            range = r.lowerLimit() == r.upperLimit() ? "= " + format(r.upperLimit())
                    : format(r.lowerLimit()) + " .. " + format(r.upperLimit());
        } else {
            range = upper ? "<= " + format(r.upperLimit()) : ">= " + format(r.lowerLimit());
        }
        return r.tolerance().kind() == Tolerance.Kind.EXACT ? range : range + " (" + r.tolerance().text() + ")";
    }

    /** One sentence on a failed metric, for the JUnit failure and the markdown report. */
    public static String explain(MetricResult r) {
        MetricUnit unit = MetricUnit.of(r.metric());
        String was = unit.format(format(r.baseline()));
        if (r.verdict() == Verdict.MISSING) {
            return r.metric() + " is empty in the current run but was " + was + " in the baseline";
        }
        String now = unit.format(format(r.current()));
        String verb = r.tolerance().kind() == Tolerance.Kind.EXACT ? "changed"
                : r.current() > r.baseline() ? "rose" : "fell";
        return r.metric() + " " + verb + " from " + was + " to " + now + " (" + change(r) + "); allowed: "
                + limit(r);
    }
}
