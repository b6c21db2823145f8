package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomcatpush.harness.client.report.model.SummaryRow;

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
    public static RunKey of(SummaryRow row, List<String> columns) {
        List<String> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            values.add(row.settingValue(column));
        }
        return new RunKey(columns, values);
    }

    /**
     * A short name for this run among {@code all}: transport and handler, then every setting where
     * this run differs from what most runs have (every differing value when there is no single
     * most common one), e.g. {@code sse async max_threads=8}. Distinct keys get distinct labels.
     */
    public String label(Collection<RunKey> all) {
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (ALWAYS_SHOWN.contains(columns.get(i))) {
                append(label, values.get(i));
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (!ALWAYS_SHOWN.contains(column) && !values.get(i).equals(usualValue(column, all))) {
                append(label, column + "=" + values.get(i));
            }
        }
        return label.length() == 0 ? "run" : label.toString();
    }

    /** The value most runs have in {@code column}, or null when no single value is the most common. */
    private static String usualValue(String column, Collection<RunKey> all) {
        Map<String, Integer> counts = new HashMap<>();
        for (RunKey key : all) {
            int at = key.columns.indexOf(column);
            counts.merge(at < 0 ? "" : key.values.get(at), 1, Integer::sum);
        }
        String usual = null;
        int best = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            if (count.getValue() > best) {
                usual = count.getKey();
                best = count.getValue();
                tie = false;
            } else if (count.getValue() == best) {
                tie = true;
            }
        }
        return tie ? null : usual;
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
