package org.tomcatpush.harness.client.sweep;

import java.util.List;

/**
 * One {@code harness run} option with its value, as a scenario file gives it: {@code sessions: 500}
 * or, for a switch, {@code browser: true}. Immutable.
 *
 * @param key   the option's long name without dashes, e.g. {@code max-threads}
 * @param value the value as text ({@code true}/{@code false} for a switch)
 * @param flag  the option is a switch that takes no value
 */
public record Setting(String key, String value, boolean flag) {

    /** The command-line words of this setting: {@code --key value}, {@code --key} for a switch that is on, nothing for one that is off. */
    public List<String> args() {
        if (flag) {
            return Boolean.parseBoolean(value) ? List.of("--" + key) : List.of();
        }
        return List.of("--" + key, value);
    }

    /** {@code key=value}, as progress lines and listings show it. */
    public String label() {
        return key + "=" + value;
    }
}
