package org.tomcatpush.harness.client.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * How the harness writes a number; the one place for both of its rules. Stateless and
 * locale-independent.
 *
 * <ul>
 * <li><b>A cell</b> ({@link #cell(double)} and its variants) is a figure in a results file
 * ({@code summary.csv}, {@code timeseries.csv}, {@code server-samples.csv}, the medians compare
 * writes) and in compare's tables, which set figures from those files against their limits: whole
 * numbers as they are, fractions with at most three decimals, no trailing zeros, an empty cell
 * when unknown. It keeps the precision a file is compared on, so a value just past a limit never
 * reads as the limit itself.</li>
 * <li><b>A display figure</b> ({@link #display(double)}) is a number for a reader of the report,
 * the CLI's summary table, the findings, the sweep and JMH pages: whole numbers exactly (counts
 * stay counts: 2401 messages), any other number to three significant digits (198.5 reads 199,
 * 0.012345 reads 0.0123, 12345.6 reads 12300), trailing zeros dropped, {@code n/a} when
 * absent. Findings and tables share it, so a figure in both reads the same.</li>
 * </ul>
 */
public final class Figures {

    /** A display figure for a value the run did not record. */
    public static final String NOT_AVAILABLE = "n/a";

    private static final int CELL_DECIMALS = 3;

    private static final MathContext DISPLAY_DIGITS = new MathContext(3, RoundingMode.HALF_UP);

    private static final double BYTES_PER_MEBIBYTE = 1024.0 * 1024.0;

    private Figures() {
    }

    /** A cell: {@code 12}, {@code 5.2}, {@code 0.012}, {@code 12345.679}; empty for NaN or infinity. */
    public static String cell(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        return BigDecimal.valueOf(value).setScale(CELL_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** A cell of a count that is -1 (or any negative) when unknown. */
    static String countCell(long value) {
        return value < 0 ? "" : Long.toString(value);
    }

    /** A cell of a sampled mean that is negative when unknown. */
    static String knownCell(double value) {
        return value < 0 ? "" : cell(value);
    }

    /** A cell of bytes as MiB (2^20 bytes), empty when negative (unknown). */
    static String megabytesCell(long bytes) {
        return bytes < 0 ? "" : cell(bytes / BYTES_PER_MEBIBYTE);
    }

    /** A cell of a figure rounded to a whole number, negative ones included; empty for NaN or infinity. */
    static String wholeNumberCell(double value) {
        return Double.isFinite(value) ? Long.toString(Math.round(value)) : "";
    }

    /** A cell of a count that may be absent. */
    static String nullableCell(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    /** A display figure: {@code 12}, {@code 2401}, {@code 5.2}, {@code 0.0123}, {@code 199}, {@code 12300}. */
    public static String display(double value) {
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
        BigDecimal rounded = value == Math.rint(value) ? exact : exact.round(DISPLAY_DIGITS);
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** {@link #display(double)}, or {@code n/a} when absent. */
    public static String display(OptionalDouble value) {
        return value.isPresent() ? display(value.getAsDouble()) : NOT_AVAILABLE;
    }

    /** A display figure with its noun, singular for one: {@code 1 message}, {@code 3 messages}. */
    public static String display(double value, String singular, String plural) {
        return display(value) + " " + (value == 1 ? singular : plural);
    }
}
