package org.tomcatpush.harness.client.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code harness sweep --dry-run} prints: one line per run with its options, then the
 * estimated total time: the runs' durations (each counts from the start of its ramp-up, so the
 * ramp-up is inside it) plus a start-up overhead per run measured on this machine. Stateless.
 */
public final class DryRun {

    private DryRun() {
    }

    /** The lines to print for {@code plan} with {@code overhead} per run. */
    public static List<String> describe(SweepPlan plan, StartupOverhead overhead) {
        List<String> lines = new ArrayList<>();
        int runs = plan.combinations().size();
        lines.add("sweep " + plan.scenario().name() + ": " + runs + (runs == 1 ? " run" : " runs") + " from "
                + plan.scenario().source() + ", into " + plan.outDir() + "/<yyyyMMdd-HHmmss>-sweep-"
                + plan.scenario().name());
        for (int i = 0; i < runs; i++) {
            Combination c = plan.combinations().get(i);
            lines.add(c.position() + " " + (c.label().isEmpty() ? "" : c.label() + ": ") + "harness run "
                    + c.optionsText() + plan.notRunReason(i).map(reason -> " (will not run: " + reason + ")")
                            .orElse(""));
        }
        Duration durations = plan.totalDuration();
        Duration total = durations.plus(overhead.perRun().multipliedBy(runs));
        lines.add("estimated time: " + TimeText.of(total) + " = " + TimeText.of(durations) + " of run durations"
                + " (ramp-up included) + " + runs + " x " + TimeText.precise(overhead.perRun()) + " start-up overhead"
                + " per run (" + overhead.how() + ")");
        lines.add("dry run: nothing was run and nothing was written");
        return lines;
    }
}
