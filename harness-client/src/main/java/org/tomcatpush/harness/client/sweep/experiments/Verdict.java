package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;

/**
 * What an evaluator concluded about one experiment from one sweep: the numbers it read, each
 * criterion with what was observed, notes (crossovers, runs that did not complete), the parts of
 * the claim it did not judge, and the overall support. Immutable.
 *
 * @param experiment the experiment judged
 * @param measured   the key numbers
 * @param criteria   the explicit tests, in order
 * @param notes      further findings in words
 * @param support    supported when every criterion is met, not supported when one is not,
 *                   inconclusive when the data to decide is missing, partly judged when part of
 *                   the claim has no criterion
 * @param unjudged   the parts of the claim no criterion judges, each with why; empty when none
 */
public record Verdict(Experiment experiment, MeasuredTable measured, List<Criterion> criteria, List<String> notes,
        Support support, List<String> unjudged) {

    public Verdict {
        criteria = List.copyOf(criteria);
        notes = List.copyOf(notes);
        unjudged = List.copyOf(unjudged);
    }

    /** A verdict that judges the whole claim. */
    public Verdict(Experiment experiment, MeasuredTable measured, List<Criterion> criteria, List<String> notes,
            Support support) {
        this(experiment, measured, criteria, notes, support, List.of());
    }

    /** A verdict whose support follows from its criteria. */
    public static Verdict of(Experiment experiment, MeasuredTable measured, List<Criterion> criteria,
            List<String> notes) {
        return new Verdict(experiment, measured, criteria, notes, Support.of(criteria));
    }

    /** A verdict on part of a claim: {@code unjudged} names the parts no criterion covers. */
    public static Verdict partly(Experiment experiment, MeasuredTable measured, List<Criterion> criteria,
            List<String> notes, List<String> unjudged) {
        return new Verdict(experiment, measured, criteria, notes, Support.of(criteria, unjudged), unjudged);
    }
}
