package org.tomcatpush.harness.client.sweep;

import java.time.Duration;
import java.util.Locale;

/** How sweeps write durations for people: {@code 45s}, {@code 6m}, {@code 1h 5m}; {@code 2.3s} where precision matters. */
public final class TimeText {

    private TimeText() {
    }

    /** Rounded for an estimate: seconds under two minutes, then minutes, then hours and minutes. */
    public static String of(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s < 120) {
            return s + "s";
        }
        long m = Math.round(s / 60.0);
        if (m < 60) {
            return m + "m";
        }
        return m / 60 + "h " + m % 60 + "m";
    }

    /** One decimal of a second: {@code 2.3s}. */
    public static String precise(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
