package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;

/**
 * What an evaluator concluded about one experiment from one sweep: the numbers it read, each
 * criterion with what was observed, notes (crossovers, runs that did not complete), and the
 * overall support. Immutable.
 *
 * @param experiment the experiment judged
 * @param measured   the key numbers
 * @param criteria   the explicit tests, in order
 * @param notes      further findings in words
 * @param support    supported when every criterion is met, not supported when one is not,
 *                   inconclusive when the data to decide is missing
 */
public record Verdict(Experiment experiment, MeasuredTable measured, List<Criterion> criteria, List<String> notes,
        Support support) {

    public Verdict {
        criteria = List.copyOf(criteria);
        notes = List.copyOf(notes);
    }

    /** A verdict whose support follows from its criteria. */
    public static Verdict of(Experiment experiment, MeasuredTable measured, List<Criterion> criteria,
            List<String> notes) {
        return new Verdict(experiment, measured, criteria, notes, Support.of(criteria));
    }
}
