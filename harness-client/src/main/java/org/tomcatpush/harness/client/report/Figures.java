package org.tomcatpush.harness.client.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * How the report and the CLI's summary table write numbers: whole numbers exactly (counts stay
 * counts: 2401 messages), any other number to three significant digits (198.5 reads 199, 0.012345
 * reads 0.0123, 12345.6 reads 12300), trailing zeros dropped; absent values as "n/a".
 * Locale-independent. Findings and tables use this one rule, so a figure they share reads the
 * same in both.
 */
public final class Figures {

    /** Shown for a value the run did not record. */
    public static final String NOT_AVAILABLE = "n/a";

    private static final int SIGNIFICANT_DIGITS = 3;

    private Figures() {
    }

    /** {@code 12}, {@code 2401}, {@code 5.2}, {@code 0.0123}, {@code 199}, {@code 12300}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return NOT_AVAILABLE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        if (exact.signum() == 0) {
            return "0";
        }
        BigDecimal rounded = value == Math.rint(value) ? exact
                : exact.round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_UP));
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
