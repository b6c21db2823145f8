package org.tomcatpush.harness.client.sweep.experiments;

import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * One claim of docs/EXPERIMENTS.md and how to judge it from a sweep's {@code sweep.csv}: explicit
 * criteria on the measured figures, each met or not, never a timing threshold that the noise of a
 * shared machine could flip. Implementations are stateless.
 */
public interface Experiment {

    /** {@code E1}, {@code E3}, ... */
    String id();

    /** A few words: {@code keep-alive request limit}. */
    String title();

    /** The claim, as docs/EXPERIMENTS.md states it. */
    String claim();

    /** Judges the claim from {@code sweep}. */
    Verdict evaluate(SweepTable sweep);
}
