package org.tomcatpush.harness.client.sweep.experiments;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The figure that decided a verdict, as the one-page summary states it beside the verdict;
 * computed from the verdict's own criteria, one computation for the page and the Markdown.
 * Immutable.
 * <ul>
 * <li><em>not supported</em>: the first criterion not met, and the figures of its failing checks;</li>
 * <li><em>supported</em>: per criterion the figure of its first check, and how many more checks were
 * met (every figure is in the experiment's own section);</li>
 * <li><em>inconclusive</em>: the first criterion without data and what it lacks, or else the first
 * note, which says why (the sweep, or one of the experiment's sweeps, did not run);</li>
 * <li><em>partly judged</em>: the figures of the criteria judged, then the parts of the claim not judged.</li>
 * </ul>
 *
 * @param basis     what the figures answer, e.g. {@code not met: busy threads reach maxThreads}
 * @param figures   the figures, e.g. {@code sse: peak 8 of maxThreads 50}; the reason when nothing was measured
 * @param notJudged the parts of the claim not judged, each cut to its statement; empty unless partly judged
 */
public record DecidingFigure(String basis, String figures, List<String> notJudged) {

    public DecidingFigure {
        notJudged = List.copyOf(notJudged);
    }

    /** The deciding figure of {@code verdict}. */
    public static DecidingFigure of(Verdict verdict) {
        List<Criterion> criteria = verdict.criteria();
        return switch (verdict.support()) {
            case NOT_SUPPORTED -> criteria.stream().filter(c -> c.result() == Criterion.Result.NOT_MET).findFirst()
                    .map(c -> new DecidingFigure("not met: " + c.description(), checks(c.failing(), c), List.of()))
                    .orElseGet(() -> stated(verdict));
            case INCONCLUSIVE -> criteria.stream().filter(c -> c.result() == Criterion.Result.NO_DATA).findFirst()
                    .map(c -> new DecidingFigure("no data: " + c.description(), checks(c.missing(), c), List.of()))
                    .orElseGet(() -> new DecidingFigure(criteria.isEmpty() ? "nothing judged" : "runs missing",
                            verdict.notes().isEmpty() ? "no criterion had data" : verdict.notes().get(0), List.of()));
            case SUPPORTED -> criteria.isEmpty() ? stated(verdict)
                    : new DecidingFigure(met(criteria), observed(criteria), List.of());
            case PARTLY_JUDGED -> criteria.isEmpty() ? stated(verdict) : new DecidingFigure(met(criteria),
                    observed(criteria), verdict.unjudged().stream().map(DecidingFigure::statement).toList());
        };
    }

    /**
     * For a verdict whose support an evaluator set without the criterion that would decide it:
     * its first note, so that the summary is still written and says what there is.
     */
    private static DecidingFigure stated(Verdict verdict) {
        return new DecidingFigure(verdict.support().label() + " (no deciding criterion)", verdict.notes().isEmpty()
                ? "the evaluator gave no figure" : verdict.notes().get(0), List.of());
    }

    /** The whole deciding figure on one line: {@code basis: figures; not judged: ...}. */
    public String text() {
        return basis + ": " + figures + (notJudged.isEmpty() ? "" : "; not judged: " + String.join("; ", notJudged));
    }

    private static String met(List<Criterion> criteria) {
        return criteria.size() == 1 ? "met: " + criteria.get(0).description()
                : "all " + criteria.size() + " criteria met";
    }

    /** Per criterion its first check and the count of the others, all met: the shortest form that hides none. */
    private static String observed(List<Criterion> criteria) {
        return criteria.stream().map(c -> c.checks().isEmpty() ? c.observed() : c.checks().get(0).text()
                + (c.checks().size() > 1 ? " (+" + (c.checks().size() - 1) + " more met)" : ""))
                .collect(Collectors.joining(" | "));
    }

    /** The checks named, or, for a criterion built without checks, what it observed. */
    private static String checks(List<Criterion.Check> checks, Criterion c) {
        return checks.isEmpty() ? c.observed() : checks.stream().map(Criterion.Check::text)
                .collect(Collectors.joining("; "));
    }

    /**
     * An unjudged part cut to its statement: the text before the first {@code ": "} (evaluators
     * write "X is not judged: why"), the whole text when there is none.
     */
    private static String statement(String unjudged) {
        int colon = unjudged.indexOf(": ");
        return colon > 0 ? unjudged.substring(0, colon) : unjudged;
    }
}
