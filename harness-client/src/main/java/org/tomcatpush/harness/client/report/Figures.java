package org.tomcatpush.harness.client.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * How the report writes numbers: whole numbers as integers; fractions with fewer decimals the
 * larger they are (three below 1, two below 10, one below 1000, none above), trailing zeros
 * dropped; absent values as "n/a". Locale-independent.
 */
public final class Figures {

    /** Shown for a value the run did not record. */
    public static final String NOT_AVAILABLE = "n/a";

    private Figures() {
    }

    /** {@code 12}, {@code 5.2}, {@code 0.012}, {@code 198.5}, {@code 12346}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        int decimals = magnitude < 1 ? 3 : magnitude < 10 ? 2 : magnitude < 1000 ? 1 : 0;
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /**
     * Three significant digits, as the CLI tables show figures: {@code 1.23}, {@code 45.7},
     * {@code 0.00123}, {@code 12300}; whole numbers below 1000 stay exact. NaN gives "n/a".
     */
    public static String significant(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return format(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(3, RoundingMode.HALF_UP))
                .stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
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
