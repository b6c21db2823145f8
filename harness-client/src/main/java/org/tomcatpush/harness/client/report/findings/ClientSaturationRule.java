package org.tomcatpush.harness.client.report.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.results.Figures;

/**
 * The load generator itself was saturated, so every figure of the run says as much about the
 * client as about the server: a warning when its event loops ran a scheduled task more than
 * {@value #EVENT_LOOP_DELAY_P99_MS} ms late at the 99th percentile (each session on a loop waits
 * as long for its I/O, so latency and request rates are the client's), or when its CPU time over
 * the window exceeded {@value #CPU_SHARE} of all its cores (the client runs one event loop per
 * core, so one busy core alone is not saturation; a single hot loop shows in the delay). One
 * finding per run: there is one client. Says nothing when the figures are absent (an older run).
 */
public final class ClientSaturationRule implements FindingRule {

    /** A 99th percentile lateness above this, ms, is a client too busy to keep up. */
    static final double EVENT_LOOP_DELAY_P99_MS = 50;
    /** Client CPU time above this share of (window x cores) is a client with no CPU to spare. */
    static final double CPU_SHARE = 0.9;

    @Override
    public List<Finding> evaluate(RunData run) {
        List<String> signs = new ArrayList<>();
        OptionalDouble p99 = run.runNumber(SummaryColumns.CLIENT_EVENT_LOOP_DELAY_P99_MS);
        if (p99.isPresent() && p99.getAsDouble() > EVENT_LOOP_DELAY_P99_MS) {
            signs.add("its event loops ran up to " + Figures.display(run.runNumber(
                    SummaryColumns.CLIENT_EVENT_LOOP_DELAY_MAX_MS)) + " ms late (p99 " + Figures.display(p99) + " ms)");
        }
        OptionalDouble cpuS = run.runNumber(SummaryColumns.CLIENT_CPU_S);
        OptionalDouble windowS = run.runNumber(SummaryColumns.MEASURED_DURATION_S);
        OptionalDouble cores = run.info().find("environment.cores").map(ClientSaturationRule::number)
                .orElse(OptionalDouble.empty());
        if (cpuS.isPresent() && RuleText.positive(windowS) && RuleText.positive(cores)) {
            double share = cpuS.getAsDouble() / (windowS.getAsDouble() * cores.getAsDouble());
            if (share > CPU_SHARE) {
                signs.add("it used " + Figures.display(cpuS) + " s of CPU in the " + Figures.display(windowS)
                        + " s window, " + Figures.display(Math.round(share * 100)) + "% of its "
                        + Figures.display(cores) + (cores.getAsDouble() == 1 ? " core" : " cores"));
            }
        }
        if (signs.isEmpty()) {
            return List.of();
        }
        return List.of(Finding.warning("figures are bounded by the load generator: " + String.join(" and ", signs)
                + "; run fewer sessions per client, or the client on a machine of its own"));
    }

    private static OptionalDouble number(String text) {
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
