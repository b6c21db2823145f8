package org.tomcatpush.harness.client.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every duration option of the CLI: a number with a unit, {@code 500ms}, {@code 30s},
 * {@code 2m}, {@code 1h}. A plain number other than 0 is refused, the message spelling out both
 * readings ({@code --request-timeout 500} could mean 500 ms or 500 s); the server's flags, which
 * are Tomcat's milliseconds, are read elsewhere. Decimals are allowed ({@code 1.5s}); the result is
 * rounded to whole milliseconds. Negative values are refused. Stateless and thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses one duration.
     *
     * @throws TypeConversionException with a message that shows the accepted forms
     */
    public static Duration parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: write e.g. 500ms, 30s or 2m"
                    + " (0 needs no unit)");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        if (m.group(2) == null && amount.signum() != 0) {
            String number = value.trim();
            throw new TypeConversionException("'" + number + "' has no unit: write " + number + "ms or " + number
                    + "s");
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millisPerUnit = switch (unit) {
            case "ms" -> 1L;
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            default -> 3_600_000L;
        };
        BigDecimal millis = amount.multiply(BigDecimal.valueOf(millisPerUnit));
        if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000)) > 0) {
            throw new TypeConversionException("'" + value + "' is too long a duration: use at most a few days");
        }
        return Duration.ofMillis(millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    /** The shortest exact text for {@code duration} in this converter's syntax, e.g. {@code 1500ms} or {@code 2m}. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1_000 == 0) {
            return ms / 1_000 + "s";
        }
        return ms + "ms";
    }
}
