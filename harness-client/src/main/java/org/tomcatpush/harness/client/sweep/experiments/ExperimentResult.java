package org.tomcatpush.harness.client.sweep.experiments;

/**
 * One experiment's verdict with where its sweep is and what it ran, for the summary. Immutable.
 *
 * @param verdict  the evaluator's verdict
 * @param sweep    the sweep folder as the summary names it (relative to the summary), or empty when
 *                 the sweep left none
 * @param settings the scenario file's settings (its lines without comments), or empty
 */
public record ExperimentResult(Verdict verdict, String sweep, String settings) {
}
