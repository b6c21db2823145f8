package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/** Wording shared by the rules, so that findings read alike. */
final class RuleText {

    private RuleText() {
    }

    /** "sse: " — the subject of a per-transport finding. */
    static String subject(SummaryRow row) {
        return row.transport() + ": ";
    }

    /** "10 stream ended, 2 connection lost" from a breakdown by cause; zero parts left out. */
    static String parts(Map<String, Double> breakdown) {
        List<String> parts = new ArrayList<>();
        breakdown.forEach((cause, count) -> {
            if (count > 0) {
                parts.add(Figures.display(count) + " " + cause.replace('_', ' ').replace('-', ' '));
            }
        });
        return String.join(", ", parts);
    }

    /** The value when present and above zero. */
    static boolean positive(OptionalDouble value) {
        return value.isPresent() && value.getAsDouble() > 0;
    }
}
