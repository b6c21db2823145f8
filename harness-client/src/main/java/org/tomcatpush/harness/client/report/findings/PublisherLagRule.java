package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.results.Figures;

/**
 * The server's publisher fell behind its schedule (a GC pause, a loaded machine, a slow fan-out):
 * a note when {@code publisher_lag_max_ms} is above a tenth of the publish interval
 * ({@code 1000 / publish_rate} ms), held between {@value #FLOOR_MS} ms and {@value #CAP_MS} ms
 * ({@value #CAP_MS} ms when the rate is unknown). Messages then went out late; the note says that
 * delivery latency already includes the delay, because it counts from each message's intended
 * publish time, so the reader does not blame the transport for it alone. One finding per run: the
 * publisher is one topic for every transport.
 */
public final class PublisherLagRule implements FindingRule {

    /** The lowest threshold, ms: below it a lag is the ordinary jitter of waking a thread. */
    static final double FLOOR_MS = 1;
    /** The highest threshold, ms (and the one used when the publish rate is unknown). */
    static final double CAP_MS = 50;
    /** The share of the publish interval a lag may reach before it is worth a note. */
    static final double INTERVAL_SHARE = 0.1;

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble max = run.runNumber(SummaryColumns.PUBLISHER_LAG_MAX_MS);
        if (max.isEmpty()) {
            return List.of();
        }
        OptionalDouble rate = run.runNumber(SummaryColumns.PUBLISH_RATE);
        boolean paced = RuleText.positive(rate);
        double intervalMs = paced ? 1000 / rate.getAsDouble() : Double.NaN;
        double thresholdMs = paced ? Math.min(CAP_MS, Math.max(FLOOR_MS, INTERVAL_SHARE * intervalMs)) : CAP_MS;
        if (max.getAsDouble() <= thresholdMs) {
            return List.of();
        }
        OptionalDouble p99 = run.runNumber(SummaryColumns.PUBLISHER_LAG_P99_MS);
        String limit = paced && thresholdMs == INTERVAL_SHARE * intervalMs
                ? "more than a tenth of its " + Figures.display(intervalMs) + " ms publish interval"
                : "more than " + Figures.display(thresholdMs) + " ms";
        return List.of(Finding.note("the publisher fell behind its schedule by up to " + Figures.display(max)
                + " ms" + (p99.isPresent() ? " (p99 " + Figures.display(p99) + " ms)" : "") + ", " + limit
                + ": those messages went out late, and delivery latency, counted from each message's intended"
                + " publish time, already includes the delay"));
    }
}
