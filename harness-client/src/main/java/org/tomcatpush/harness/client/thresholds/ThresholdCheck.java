package org.tomcatpush.harness.client.thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Judges thresholds on the rows of a run's {@code summary.csv}, in the row model the report
 * reads ({@link SummaryRow}), so a threshold sees exactly the figure written in the file. The one
 * judgement: {@code harness run} judges the cells it is about to write and records the outcomes
 * (CLI lines, {@code thresholds.xml}, {@code run.json}); the report shows those
 * ({@link RunThresholds}). An empty cell is a breach with "no value": a figure that was not
 * measured cannot prove that a condition held. Stateless.
 */
public final class ThresholdCheck {

    private ThresholdCheck() {
    }

    /**
     * One outcome per threshold per row it applies to, in threshold order then row order. A
     * threshold naming a transport the run does not have yields no outcome.
     */
    public static List<ThresholdOutcome> evaluate(List<Threshold> thresholds, List<SummaryRow> rows) {
        List<ThresholdOutcome> outcomes = new ArrayList<>();
        for (Threshold t : thresholds) {
            for (SummaryRow row : rows) {
                if (t.appliesTo(row.transport(), rows.size())) {
                    OptionalDouble value = row.number(t.column());
                    boolean holds = value.isPresent() && t.operator().holds(value.getAsDouble(), t.limit());
                    outcomes.add(new ThresholdOutcome(t, row.transport(), value, !holds));
                }
            }
        }
        return List.copyOf(outcomes);
    }

    /** Whether any outcome is a breach. */
    public static boolean anyBreached(List<ThresholdOutcome> outcomes) {
        return outcomes.stream().anyMatch(ThresholdOutcome::breached);
    }
}
