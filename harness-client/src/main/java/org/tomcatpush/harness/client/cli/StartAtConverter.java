package org.tomcatpush.harness.client.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --start-at TIME}: an ISO-8601 instant ({@code 2026-12-02T03:40:00Z}) or epoch
 * milliseconds, no more than {@link #MAX_AHEAD} ahead of this machine's clock (a typo in the
 * date must not leave an agent waiting for days) and no more than {@link #MAX_LATE} behind it
 * (an agent started a moment late still joins; one started long after the others would not run
 * with them). Stateless.
 */
public final class StartAtConverter implements ITypeConverter<Instant> {

    /** The furthest ahead a start may be. */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(10);

    /** How far past a start may be and still be taken (the ramp-up then starts at once). */
    public static final Duration MAX_LATE = Duration.ofSeconds(5);

    @Override
    public Instant convert(String value) {
        try {
            return parse(value, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code text} as an instant, checked against {@code now}. @throws IllegalArgumentException saying why not */
    static Instant parse(String text, Instant now) {
        String trimmed = text.trim();
        Instant at;
        try {
            at = trimmed.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(trimmed)) : Instant.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start-at '" + text + "' is not a time: write an ISO-8601 instant"
                    + " such as 2026-12-02T03:40:00Z, or epoch milliseconds");
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            throw new IllegalArgumentException("--start-at " + at + " is more than " + MAX_AHEAD.toMinutes()
                    + " minutes ahead of this machine's clock (" + now + "): give a time closer to now");
        }
        if (at.isBefore(now.minus(MAX_LATE))) {
            throw new IllegalArgumentException("--start-at " + at + " has passed by more than " + MAX_LATE.toSeconds()
                    + " s on this machine's clock (" + now + "): give a time ahead of now");
        }
        return at;
    }
}
