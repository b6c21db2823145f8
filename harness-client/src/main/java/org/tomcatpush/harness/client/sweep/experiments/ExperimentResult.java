package org.tomcatpush.harness.client.sweep.experiments;

import org.tomcatpush.harness.client.report.RunReport;

/**
 * One experiment's verdict with where its sweep is and what it ran, for the summary. Immutable.
 *
 * @param verdict  the evaluator's verdict
 * @param sweep    the sweep folder as the summary names it (relative to the summary), or empty when
 *                 the sweep left none
 * @param settings the scenario file's settings (its lines without comments), or empty
 */
public record ExperimentResult(Verdict verdict, String sweep, String settings) {

    /** The sweep's own report, {@code report.html} in its folder, relative as {@code sweep} is; empty without a sweep. */
    public String reportLink() {
        return sweep.isEmpty() ? "" : sweep + "/" + RunReport.FILE_NAME;
    }
}
