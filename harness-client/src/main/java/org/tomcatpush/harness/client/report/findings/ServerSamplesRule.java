package org.tomcatpush.harness.client.report.findings;

import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Whether the server's samples cover the measured window, since every thread, queue and
 * connection figure of the summary is computed from them: a warning when there were none (the
 * figures are unknown) or when they cover clearly less of the window than the sampling interval
 * promises (the server keeps only its newest samples, or its sampler stalled), saying what the
 * figures then describe. Says nothing when the sampler was off or the run never started.
 */
public final class ServerSamplesRule implements FindingRule {

    /** Samples may fall short of the window by this many intervals before it counts as a gap (start and end). */
    private static final double SLACK_INTERVALS = 2;
    /** Below this share of the expected samples the figures describe only part of the window. */
    private static final double COVERED_SHARE = 0.9;

    @Override
    public List<Finding> evaluate(RunData run) {
        OptionalDouble intervalMs = run.info().find("server.config.sampleIntervalMs").map(ServerSamplesRule::number)
                .orElse(OptionalDouble.empty());
        OptionalDouble windowS = run.runNumber(SummaryColumns.MEASURED_DURATION_S);
        OptionalDouble inWindow = run.runRow().number(SummaryColumns.SERVER_SAMPLES);
        if (!RuleText.positive(intervalMs) || !RuleText.positive(windowS) || inWindow.isEmpty()) {
            return List.of();
        }
        double samples = inWindow.getAsDouble();
        double expected = windowS.getAsDouble() * 1000 / intervalMs.getAsDouble();
        if (samples == 0) {
            return List.of(Finding.warning("no server samples in the measured window: busy threads, queue and "
                    + "server connections are unknown (the server's series could not be read at the end)"));
        }
        if (samples + SLACK_INTERVALS >= expected * COVERED_SHARE) {
            return List.of();
        }
        double coveredS = samples * intervalMs.getAsDouble() / 1000;
        return List.of(Finding.warning("the server's samples cover about " + Figures.display(Math.round(coveredS))
                + " s of the " + Figures.display(Math.round(windowS.getAsDouble())) + " s window ("
                + Figures.display(samples) + " of about " + Figures.display(Math.round(expected)) + " at "
                + Figures.display(intervalMs) + " ms): busy threads, queue and server connections describe only "
                + "that part (the server keeps its newest 36,000 samples; use a longer --sample-interval for "
                + "longer runs)"));
    }

    private static OptionalDouble number(String text) {
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
