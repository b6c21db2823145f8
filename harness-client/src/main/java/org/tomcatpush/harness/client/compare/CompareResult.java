package org.tomcatpush.harness.client.compare;

import java.util.List;

/**
 * Everything one {@code harness compare} found, as the console table, {@code compare.md} and
 * {@code compare-junit.xml} present it. Immutable.
 *
 * @param baselineLabel   the baseline input as given
 * @param currentLabel    the current input as given
 * @param toleranceSource where the tolerances came from
 * @param matching        which runs were paired and which were not
 * @param runs            one comparison per matched configuration, in baseline order
 * @param allowMissing    true when baseline runs without a current run do not fail the comparison
 * @param notes           facts the reader should know (columns not compared, settings on one side only)
 * @param warnings        repeats that disagreed on a metric that is exact by design
 */
public record CompareResult(String baselineLabel, String currentLabel, String toleranceSource,
        RunMatcher.Matching matching, List<RunComparison> runs, boolean allowMissing, List<String> notes,
        List<String> warnings) {

    public CompareResult {
        runs = List.copyOf(runs);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    /** The label of an unmatched run, among all runs of this comparison. */
    public String label(RunMatcher.Unmatched run) {
        return run.key().label(matching.allKeys());
    }

    /** Every failure: failed metrics, failed statuses, and baseline runs missing from the current input. */
    public int failures() {
        int failed = allowMissing ? 0 : matching.onlyBaseline().size();
        for (RunComparison run : runs) {
            failed += run.failures();
        }
        return failed;
    }

    /** Number of metric comparisons (the JUnit test cases of matched runs, without status). */
    public int metricCount() {
        return runs.stream().mapToInt(r -> r.metrics().size()).sum();
    }

    /** True when the comparison fails (exit status 1). */
    public boolean regressed() {
        return failures() > 0;
    }
}
