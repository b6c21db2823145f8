package org.tomcatpush.harness.client.thresholds;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * A run folder's thresholds as the report shows them: the expressions {@code run.json} records
 * ({@code thresholds}), judged by {@link ThresholdCheck} on the rows of the folder's
 * {@code summary.csv}, the same cells the run judged. An expression that no longer parses against
 * the file's columns is kept as a problem to show, never dropped. Immutable.
 *
 * @param expressions the thresholds as recorded, in order
 * @param outcomes    how each came out on each row
 * @param problems    expressions that could not be judged, with why
 */
public record RunThresholds(List<String> expressions, List<ThresholdOutcome> outcomes, List<String> problems) {

    /** The run.json key of the threshold expressions. */
    public static final String RUN_JSON_KEY = "thresholds";

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
        Set<String> columns = new LinkedHashSet<>();
        run.rows().forEach(r -> columns.addAll(r.cells().keySet()));
        List<Threshold> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String e : expressions) {
            try {
                parsed.add(Threshold.parse(e, columns));
            } catch (ConfigException ex) {
                problems.add(ex.getMessage());
            }
        }
        return new RunThresholds(expressions, ThresholdCheck.evaluate(parsed, run.rows()), problems);
    }

    public boolean isEmpty() {
        return expressions.isEmpty();
    }

    public List<ThresholdOutcome> breaches() {
        return outcomes.stream().filter(ThresholdOutcome::breached).toList();
    }
}
