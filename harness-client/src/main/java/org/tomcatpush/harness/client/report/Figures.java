package org.tomcatpush.harness.client.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * How the report writes numbers: whole numbers as integers, others with three significant digits
 * (at most three decimals), absent values as "n/a". Locale-independent.
 */
public final class Figures {

    /** Shown for a value the run did not record. */
    public static final String NOT_AVAILABLE = "n/a";

    private Figures() {
    }

    /** {@code 12}, {@code 5.2}, {@code 0.0123}, {@code 1234567}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
        if (rounded.scale() > 3 && Math.abs(value) >= 0.001) {
            rounded = rounded.setScale(3, RoundingMode.HALF_EVEN);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** {@link #format(double)}, or "n/a" when absent. */
    public static String format(OptionalDouble value) {
        return value.isPresent() ? format(value.getAsDouble()) : NOT_AVAILABLE;
    }

    /** A count with its noun, singular for one: {@code 1 message}, {@code 3 messages}. */
    public static String count(double value, String singular, String plural) {
        return format(value) + " " + (value == 1 ? singular : plural);
    }
}
