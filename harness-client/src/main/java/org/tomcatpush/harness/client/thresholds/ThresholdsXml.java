package org.tomcatpush.harness.client.thresholds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.results.JUnitXml;

/**
 * {@code thresholds.xml} in a run folder: the run's thresholds in the JUnit XML format CI systems
 * read, one suite {@code thresholds.<run id>} with one test case per threshold per row it applies
 * to (named {@code sse latency_p99_ms<200}), a {@code <failure>} for each breach. A threshold
 * naming a transport the run does not have is a skipped case. Stateless.
 */
public final class ThresholdsXml {

    /** The file name inside a run folder. */
    public static final String FILE_NAME = "thresholds.xml";

    private ThresholdsXml() {
    }

    /** The document for the run {@code runId} with its {@code status}. */
    public static String render(String runId, String status, List<Threshold> thresholds,
            List<ThresholdOutcome> outcomes) {
        List<JUnitXml.Case> cases = new ArrayList<>();
        for (Threshold t : thresholds) {
            // by identity: the same expression given twice is two thresholds, each with its own outcomes
            List<ThresholdOutcome> mine = outcomes.stream().filter(o -> o.threshold() == t).toList();
            if (mine.isEmpty()) {
                cases.add(JUnitXml.Case.skipped(t.expression(), "the run has no " + t.transport() + " row"));
            }
            for (ThresholdOutcome o : mine) {
                String name = o.row() + " " + t.condition();
                cases.add(o.breached() ? JUnitXml.Case.failed(name, "threshold breached: " + o.describe(),
                        "threshold", "--threshold " + t.expression()) : JUnitXml.Case.passed(name, o.describe()));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("run", runId);
        properties.put("status", status);
        return JUnitXml.render("harness thresholds", List.of(new JUnitXml.Suite("thresholds." + runId, properties,
                cases)));
    }
}
