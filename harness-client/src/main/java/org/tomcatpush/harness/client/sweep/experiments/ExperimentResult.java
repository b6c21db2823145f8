package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;

import org.tomcatpush.harness.client.report.RunReport;

/**
 * One experiment's verdict with where its sweeps are and what they ran, for the summary. Immutable.
 *
 * @param verdict  the evaluator's verdict
 * @param sweeps   the sweep folders it was judged from, as the summary names them (relative to the
 *                 summary), in order; usually one, more when several scenario files serve the
 *                 experiment; empty when the sweep left none
 * @param settings the scenario files' settings (their lines without comments), or empty
 */
public record ExperimentResult(Verdict verdict, List<String> sweeps, String settings) {

    public ExperimentResult {
        sweeps = List.copyOf(sweeps);
    }

    /** A result judged from one sweep folder, {@code sweep}, or from none when it is empty. */
    public ExperimentResult(Verdict verdict, String sweep, String settings) {
        this(verdict, sweep.isEmpty() ? List.of() : List.of(sweep), settings);
    }

    /** The first sweep folder, or empty when the sweep left none. */
    public String sweep() {
        return sweeps.isEmpty() ? "" : sweeps.get(0);
    }

    /** The sweeps' own reports, {@code report.html} in each folder, relative as {@link #sweeps} are. */
    public List<String> reportLinks() {
        return sweeps.stream().map(s -> s + "/" + RunReport.FILE_NAME).toList();
    }

    /** The first sweep's report, as {@link #reportLinks()}; empty without a sweep. */
    public String reportLink() {
        return sweeps.isEmpty() ? "" : reportLinks().get(0);
    }
}
