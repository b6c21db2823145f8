package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Pairs the runs of the baseline with the runs of the current input by configuration: the
 * tolerance file's {@code config:} columns and the {@code swept.*} columns of a sweep that both
 * inputs have (never run ids or timings).
 * Repeats of one configuration on either side are first reduced to one row ({@link RepeatReducer}).
 * Runs without a partner are returned, never dropped. Stateless.
 */
public final class RunMatcher {

    /**
     * The outcome of matching. Immutable.
     *
     * @param keyColumns   the configuration columns runs were matched on
     * @param pairs        the matched runs, in baseline order
     * @param onlyBaseline baseline runs with no current run of the same configuration
     * @param onlyCurrent  current runs with no baseline run of the same configuration
     * @param notes        configuration columns that only one side has (not used to match)
     */
    public record Matching(List<String> keyColumns, List<Pair> pairs, List<Unmatched> onlyBaseline,
            List<Unmatched> onlyCurrent, List<String> notes) {

        public Matching {
            keyColumns = List.copyOf(keyColumns);
            pairs = List.copyOf(pairs);
            onlyBaseline = List.copyOf(onlyBaseline);
            onlyCurrent = List.copyOf(onlyCurrent);
            notes = List.copyOf(notes);
        }

        /** Every key, matched or not, to label runs against each other. */
        public List<RunKey> allKeys() {
            List<RunKey> keys = new ArrayList<>();
            pairs.forEach(p -> keys.add(p.key()));
            onlyBaseline.forEach(u -> keys.add(u.key()));
            onlyCurrent.forEach(u -> keys.add(u.key()));
            return keys;
        }
    }

    /** A baseline run and the current run of the same configuration. */
    public record Pair(RunKey key, SummaryRow baseline, SummaryRow current) {
    }

    /** A run that only one side has. */
    public record Unmatched(RunKey key, SummaryRow run) {
    }

    private RunMatcher() {
    }

    /** Matches {@code baseline} with {@code current}; {@code warnings} gets the reducer's warnings. */
    public static Matching match(RunTable baseline, RunTable current, ToleranceSet tolerances,
            Consumer<String> warnings) {
        List<String> keyColumns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> either = new LinkedHashSet<>(baseline.columns());
        either.addAll(current.columns());
        for (String column : tolerances.configColumnsIn(either)) {
            boolean inBaseline = baseline.has(column);
            boolean inCurrent = current.has(column);
            if (inBaseline && inCurrent) {
                keyColumns.add(column);
            } else {
                notes.add("configuration column " + column + " is only in the " + (inBaseline ? "baseline" : "current")
                        + " input: runs are matched without it");
            }
        }
        Map<RunKey, SummaryRow> baselineRuns = byKey(baseline, keyColumns, tolerances, warnings);
        Map<RunKey, SummaryRow> currentRuns = byKey(current, keyColumns, tolerances, warnings);
        List<Pair> pairs = new ArrayList<>();
        List<Unmatched> onlyBaseline = new ArrayList<>();
        for (Map.Entry<RunKey, SummaryRow> run : baselineRuns.entrySet()) {
            SummaryRow partner = currentRuns.get(run.getKey());
            if (partner == null) {
                onlyBaseline.add(new Unmatched(run.getKey(), run.getValue()));
            } else {
                pairs.add(new Pair(run.getKey(), run.getValue(), partner));
            }
        }
        List<Unmatched> onlyCurrent = new ArrayList<>();
        for (Map.Entry<RunKey, SummaryRow> run : currentRuns.entrySet()) {
            if (!baselineRuns.containsKey(run.getKey())) {
                onlyCurrent.add(new Unmatched(run.getKey(), run.getValue()));
            }
        }
        return new Matching(keyColumns, pairs, onlyBaseline, onlyCurrent, notes);
    }

    private static Map<RunKey, SummaryRow> byKey(RunTable table, List<String> keyColumns, ToleranceSet tolerances,
            Consumer<String> warnings) {
        Map<RunKey, SummaryRow> runs = new LinkedHashMap<>();
        for (SummaryRow row : RepeatReducer.reduce(table.rows(), keyColumns, tolerances,
                w -> warnings.accept(table.label() + ": " + w))) {
            runs.put(RunKey.of(row, keyColumns), row);
        }
        return runs;
    }
}
