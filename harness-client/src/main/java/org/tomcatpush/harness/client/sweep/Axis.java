package org.tomcatpush.harness.client.sweep;

import java.util.List;

/**
 * One swept key and the values it takes, in the order the scenario file lists them. Immutable.
 *
 * @param key    the {@code harness run} option, without dashes
 * @param flag   the option is a switch ({@code true}/{@code false} values)
 * @param values at least one value, each listed once
 */
public record Axis(String key, boolean flag, List<String> values) {

    public Axis {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("axis " + key + " has no values");
        }
    }

    /** The setting of this key to its {@code i}-th value. */
    public Setting setting(int i) {
        return new Setting(key, values.get(i), flag);
    }
}
