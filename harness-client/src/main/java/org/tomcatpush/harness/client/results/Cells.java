package org.tomcatpush.harness.client.results;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the result files write numbers: whole numbers as they are, fractions with at most three
 * decimals and no trailing zeros, and an empty cell for a figure that is unknown (NaN, or -1 for
 * a server figure that was not reported). Stateless.
 */
final class Cells {

    private Cells() {
    }

    /** A fraction with at most three decimals, empty for NaN or infinity. */
    static String decimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A count that is -1 (or any negative) when unknown. */
    static String count(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    /** A sampled mean that is negative when unknown. */
    static String knownDecimal(double value) {
        return value < 0 ? "" : decimal(value);
    }

    /** Bytes as MiB (2^20 bytes) with at most three decimals, empty when negative (unknown). */
    static String megabytes(long bytes) {
        return bytes < 0 ? "" : decimal(bytes / (1024.0 * 1024.0));
    }

    /** A figure rounded to a whole number, negative ones included; empty for NaN or infinity. */
    static String wholeNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        return Long.toString(Math.round(value));
    }

    /** A possibly absent figure. */
    static String nullable(Long value) {
        return value == null ? "" : Long.toString(value);
    }
}
