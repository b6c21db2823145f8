package org.tomcatpush.harness.client.thresholds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * A run folder's thresholds as the report shows them: the expressions {@code run.json} records
 * ({@code thresholds}) and how each came out on each row as {@code harness run} judged them
 * ({@code thresholdOutcomes}), the outcomes the CLI printed and {@code thresholds.xml} holds. The
 * report never judges a threshold again: a {@code run.json} that lists thresholds without outcomes
 * is {@linkplain #recorded() not recorded}, and the report says so. A recorded expression that no
 * longer parses against the file's columns is kept as a problem to show, never dropped. Immutable.
 *
 * @param expressions the thresholds as recorded, in order
 * @param outcomes    how each came out on each row, as recorded
 * @param problems    recorded expressions that could not be shown, with why
 * @param recorded    false when run.json lists thresholds but not their outcomes (an older file)
 */
public record RunThresholds(List<String> expressions, List<ThresholdOutcome> outcomes, List<String> problems,
        boolean recorded) {

    /** The run.json key of the threshold expressions. */
    public static final String RUN_JSON_KEY = "thresholds";
    /** The run.json key of the outcomes, one object per threshold per row (see {@code RunJson}). */
    public static final String RUN_JSON_OUTCOMES_KEY = "thresholdOutcomes";

    public RunThresholds {
        expressions = List.copyOf(expressions);
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
    }

    /** The thresholds of {@code run}; none when its run.json records none. */
    public static RunThresholds of(RunData run) {
        // run.json's array of expressions reads as one ", "-joined value; an expression has no comma
        List<String> expressions = run.info().find(RunThresholds.RUN_JSON_KEY)
                .map(joined -> List.of(joined.split(", "))).orElse(List.of());
        Optional<List<RunInfo.ThresholdRecord>> recorded = run.info().thresholdOutcomes();
        if (expressions.isEmpty() || recorded.isEmpty()) {
            return new RunThresholds(expressions, List.of(), List.of(), expressions.isEmpty());
        }
        Set<String> columns = new LinkedHashSet<>();
        run.rows().forEach(r -> columns.addAll(r.cells().keySet()));
        Map<String, Threshold> parsed = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<ThresholdOutcome> outcomes = new ArrayList<>();
        for (RunInfo.ThresholdRecord r : recorded.get()) {
            if (!parsed.containsKey(r.threshold())) {
                try {
                    parsed.put(r.threshold(), Threshold.parse(r.threshold(), columns));
                } catch (ConfigException ex) {
                    parsed.put(r.threshold(), null);
                    problems.add(ex.getMessage());
                }
            }
            Threshold t = parsed.get(r.threshold());
            if (t != null) {
                outcomes.add(new ThresholdOutcome(t, r.row(), r.observed(), r.breached()));
            }
        }
        return new RunThresholds(expressions, outcomes, problems, true);
    }

    /** The report's one sentence on thresholds it has no outcomes of: they are not judged again. */
    public String notRecordedText() {
        return "thresholds not recorded: run.json lists " + String.join(", ", expressions) + " but not how they came"
                + " out (an older run.json); the report does not judge them again: run it again to see them judged";
    }

    public boolean isEmpty() {
        return expressions.isEmpty();
    }

    public List<ThresholdOutcome> breaches() {
        return outcomes.stream().filter(ThresholdOutcome::breached).toList();
    }
}
