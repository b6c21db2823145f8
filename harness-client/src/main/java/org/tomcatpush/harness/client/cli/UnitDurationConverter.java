package org.tomcatpush.harness.client.cli;

import java.time.Duration;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a client time flag that must carry its unit, as {@link DurationConverter} does, except that a
 * bare number other than 0 is refused: {@code --request-timeout 500} could mean 500 ms or 500 s, so
 * the message spells out both readings. Stateless and thread-safe.
 */
public final class UnitDurationConverter implements ITypeConverter<Duration> {

    private static final Pattern BARE_NUMBER = Pattern.compile("\\s*\\d+(?:\\.\\d+)?\\s*");

    @Override
    public Duration convert(String value) {
        if (value != null && BARE_NUMBER.matcher(value).matches() && !DurationConverter.parse(value).isZero()) {
            String number = value.trim();
            throw new TypeConversionException("'" + value + "' has no unit: write " + number + "ms or " + number
                    + "s (0 = off)");
        }
        return DurationConverter.parse(value);
    }
}
