package org.tomcatpush.harness.server.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of a time value on every command line and in sweep files: a number, decimals
 * allowed, then a unit, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, rounded to whole
 * milliseconds. Whether a number without a unit is accepted is the caller's rule: the server's
 * flags, documented in milliseconds like Tomcat's own attributes, read it as milliseconds
 * ({@link #serverMillis(String)}), keeping {@code -1} (infinite) and {@code 0} (off); the client's
 * time flags accept only {@code 0} without a unit. Stateless and thread-safe.
 */
public final class TimeValue {

    /** The examples every refusal shows. */
    public static final String EXAMPLES = "500ms, 30s or 2m";

    /** Longest value accepted: far beyond any run, far below overflow. */
    private static final BigDecimal MAX_MS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000);
    private static final Pattern TIME = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private TimeValue() {
    }

    /**
     * A time value as written: its length in milliseconds (rounded half up) and whether a unit was
     * written (without one the number is given back as written, rounded, for the caller's rule).
     *
     * @param millis  the value in milliseconds, or the bare number when {@code hasUnit} is false
     * @param hasUnit a unit followed the number
     */
    public record Parsed(long millis, boolean hasUnit) {
    }

    /**
     * Parses {@code text} in the grammar above; a minus sign is kept (callers refuse or accept it).
     *
     * @throws IllegalArgumentException with a one-line message showing the accepted forms
     */
    public static Parsed parse(String text) {
        Parsed parsed = match(text);
        if (parsed == null) {
            throw new IllegalArgumentException(notATimeValue(text));
        }
        return parsed;
    }

    /**
     * The server's rule: a value with a unit, or a bare number of milliseconds ({@code 1000},
     * {@code -1}). Range checks (which negative values mean something) stay with the flag.
     *
     * @throws IllegalArgumentException with a one-line message showing the accepted forms
     */
    public static long serverMillis(String text) {
        Parsed parsed = match(text);
        if (parsed == null) {
            throw new IllegalArgumentException(notATimeValue(text) + ", or a number of milliseconds");
        }
        return parsed.millis();
    }

    /** The message for text outside the grammar. */
    public static String notATimeValue(String text) {
        return "'" + shown(text) + "' is not a duration: write e.g. " + EXAMPLES;
    }

    private static Parsed match(String text) {
        Matcher m = TIME.matcher(shown(text).toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long millisPerUnit = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            default -> 3_600_000L;
        };
        BigDecimal millis = amount.multiply(BigDecimal.valueOf(millisPerUnit));
        if (millis.abs().compareTo(MAX_MS) > 0) {
            throw new IllegalArgumentException("'" + shown(text) + "' is too long a duration: use at most a few days");
        }
        return new Parsed(millis.setScale(0, RoundingMode.HALF_UP).longValueExact(), m.group(2) != null);
    }

    private static String shown(String text) {
        return text == null ? "" : text.strip();
    }

    /** The shortest exact text for {@code millis} in this grammar, e.g. {@code 1500ms}, {@code 30s}, {@code 2m}. */
    public static String format(long millis) {
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
