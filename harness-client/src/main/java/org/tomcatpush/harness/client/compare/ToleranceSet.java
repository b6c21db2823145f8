package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Everything a tolerance file says: which columns identify a run's configuration (runs are matched
 * on them), the tolerance of every metric, and rules that change tolerances for runs of a given
 * configuration (later rules win). Immutable; read by {@link ToleranceFile}.
 *
 * @param source        the files it was read from, for the report
 * @param configColumns the columns that identify a run's configuration, in order
 * @param metrics       the default tolerance of every known metric, in report order
 * @param rules         per-configuration overrides, applied in order
 */
public record ToleranceSet(String source, List<String> configColumns, Map<String, Tolerance> metrics,
        List<Rule> rules) {

    /** The prefix of the columns in which {@code sweep.csv} records each run's swept values. */
    public static final String SWEPT_PREFIX = "swept.";

    /**
     * Tolerances that apply to runs whose configuration has every value in {@code when}.
     *
     * @param when    configuration column to value (compared as {@link SummaryRow#settingValue(String)})
     * @param metrics the tolerances that replace the defaults for those runs
     */
    public record Rule(Map<String, String> when, Map<String, Tolerance> metrics) {

        public Rule {
            when = Collections.unmodifiableMap(new LinkedHashMap<>(when));
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        /** True when {@code run} has every setting of {@code when}. */
        public boolean matches(SummaryRow run) {
            for (Map.Entry<String, String> setting : when.entrySet()) {
                if (!run.has(setting.getKey())
                        || !run.settingValue(setting.getKey()).equals(SummaryRow.normalize(setting.getValue()))) {
                    return false;
                }
            }
            return true;
        }
    }

    public ToleranceSet {
        configColumns = List.copyOf(configColumns);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        rules = List.copyOf(rules);
    }

    /** True when {@code column} is a known metric. */
    public boolean isMetric(String column) {
        return metrics.containsKey(column);
    }

    /**
     * True when {@code column} identifies a configuration: a {@code config:} column, or a
     * {@code swept.<key>} column of a {@code sweep.csv} (a swept value may have no column of its own).
     */
    public boolean isConfig(String column) {
        return configColumns.contains(column) || column.startsWith(SWEPT_PREFIX);
    }

    /** The configuration columns among {@code available}: {@code config:} order, then swept columns. */
    public List<String> configColumnsIn(Collection<String> available) {
        List<String> columns = new ArrayList<>();
        for (String column : configColumns) {
            if (available.contains(column)) {
                columns.add(column);
            }
        }
        for (String column : available) {
            if (column.startsWith(SWEPT_PREFIX) && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** The tolerance of {@code metric} for {@code run}: the last matching rule's, else the default. */
    public Tolerance forMetric(String metric, SummaryRow run) {
        Tolerance tolerance = metrics.get(metric);
        for (Rule rule : rules) {
            Tolerance override = rule.metrics().get(metric);
            if (override != null && rule.matches(run)) {
                tolerance = override;
            }
        }
        return tolerance == null ? Tolerance.IGNORE : tolerance;
    }
}
