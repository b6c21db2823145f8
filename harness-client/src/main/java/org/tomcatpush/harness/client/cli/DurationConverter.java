package org.tomcatpush.harness.client.cli;

import java.time.Duration;

import org.tomcatpush.harness.server.config.TimeValue;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads every duration option of the client: a time value in {@link TimeValue}'s grammar
 * ({@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, decimals rounded to whole milliseconds),
 * with the client's own rule on top: a plain number other than 0 is refused, the message spelling
 * out both readings ({@code --request-timeout 500} could mean 500 ms or 500 s), and so is a
 * negative value. The server's flags, which are Tomcat's milliseconds, read a plain number as
 * milliseconds instead ({@link TimeValue#serverMillis}). Stateless and thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

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
        TimeValue.Parsed parsed;
        try {
            parsed = TimeValue.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + (e.getMessage().contains("is not a duration")
                    ? " (0 needs no unit)" : ""));
        }
        if (parsed.millis() < 0 || value.strip().startsWith("-")) {
            throw new TypeConversionException(TimeValue.notATimeValue(value) + " (a duration is never negative)");
        }
        if (!parsed.hasUnit() && parsed.millis() != 0) {
            String number = value.strip();
            throw new TypeConversionException("'" + number + "' has no unit: write " + number + "ms or " + number
                    + "s");
        }
        return Duration.ofMillis(parsed.millis());
    }

    /** The shortest exact text for {@code duration} in this converter's syntax, e.g. {@code 1500ms} or {@code 2m}. */
    public static String format(Duration duration) {
        return TimeValue.format(duration.toMillis());
    }
}
