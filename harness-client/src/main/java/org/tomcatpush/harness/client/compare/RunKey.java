package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's configuration: the values of the configuration columns both sides have, normalised so
 * that {@code 10} and {@code 10.0} are one setting. Runs with equal keys are the same experiment;
 * run ids and timings are never part of it. Immutable.
 *
 * @param columns the configuration columns, in tolerance-file order
 * @param values  the run's value of each column
 */
public record RunKey(List<String> columns, List<String> values) {

    /** Always part of a label, even when every run has the same value. */
    private static final Set<String> ALWAYS_SHOWN = Set.of("transport", "handler");

    public RunKey {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }

    /** The key of {@code row} over {@code columns}. */
    public static RunKey of(RunRow row, List<String> columns) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            values.add(row.settingValue(column));
        }
        return new RunKey(columns, values);
    }

    /**
     * A short name for this run among {@code all}: transport and handler, then every setting whose
     * value is not the same in every run, e.g. {@code sse async sessions=20 sse_timeout_ms=1000}.
     */
    public String label(Collection<RunKey> all) {
        Set<String> varying = new LinkedHashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            for (RunKey other : all) {
                int at = other.columns.indexOf(columns.get(i));
                if (at < 0 || !other.values.get(at).equals(values.get(i))) {
                    varying.add(columns.get(i));
                    break;
                }
            }
        }
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (ALWAYS_SHOWN.contains(column)) {
                append(label, values.get(i));
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (!ALWAYS_SHOWN.contains(column) && varying.contains(column)) {
                append(label, column + "=" + values.get(i));
            }
        }
        return label.length() == 0 ? "run" : label.toString();
    }

    /** Every setting, {@code column=value}, for the report. */
    public String describe() {
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            settings.add(columns.get(i) + "=" + values.get(i));
        }
        return String.join(" ", settings);
    }

    private static void append(StringBuilder label, String part) {
        if (label.length() > 0) {
            label.append(' ');
        }
        label.append(part.isEmpty() ? "-" : part);
    }
}
