package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.results.JUnitXml;

/**
 * {@code compare-junit.xml}: the comparison in the JUnit XML format CI systems read, so a
 * regression shows as a failed test. One {@code <testsuite>} per matched run with one
 * {@code <testcase>} per compared metric (a {@code <failure>} on regression, {@code <skipped>} when
 * there is no baseline value) and one for the run's status; one suite {@code compare.unmatched}
 * with a test case per unmatched run. Written by {@link JUnitXml}. Stateless.
 */
public final class JUnitReport {

    /** The file name in the output folder. */
    public static final String FILE_NAME = "compare-junit.xml";

    private static final String PREFIX = "compare.";

    private JUnitReport() {
    }

    /** The whole document. */
    public static String render(CompareResult result) {
        List<JUnitXml.Suite> suites = new ArrayList<>();
        for (RunComparison run : result.runs()) {
            suites.add(run(result, run));
        }
        unmatched(result).ifPresent(suites::add);
        return JUnitXml.render("harness compare", suites);
    }

    private static JUnitXml.Suite run(CompareResult result, RunComparison run) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("configuration", run.key().describe());
        properties.put("baseline", run.baseline().source());
        properties.put("current", run.current().source());
        properties.put("tolerances", result.toleranceSource());
        List<JUnitXml.Case> cases = new ArrayList<>();
        cases.add(run.statusProblem() == null ? JUnitXml.Case.passed("status", null)
                : JUnitXml.Case.failed("status", run.statusProblem(), "regression", null));
        for (MetricResult m : run.metrics()) {
            String detail = "baseline " + MetricText.figure(m.baseline())
                    + ", current " + MetricText.figure(m.current()) + ", change " + MetricText.change(m)
                    + ", allowed " + MetricText.limit(m);
            if (m.verdict().failure()) {
                cases.add(JUnitXml.Case.failed(m.metric(), MetricText.explain(m),
                        m.verdict() == Verdict.MISSING ? "missing" : "regression", detail));
            } else if (m.verdict() == Verdict.NOT_AVAILABLE) {
                cases.add(JUnitXml.Case.skipped(m.metric(), "no baseline value: " + detail));
            } else {
                cases.add(JUnitXml.Case.passed(m.metric(), detail));
            }
        }
        return new JUnitXml.Suite(PREFIX + run.label(), properties, cases);
    }

    private static java.util.Optional<JUnitXml.Suite> unmatched(CompareResult result) {
        List<RunMatcher.Unmatched> onlyBaseline = result.matching().onlyBaseline();
        List<RunMatcher.Unmatched> onlyCurrent = result.matching().onlyCurrent();
        if (onlyBaseline.isEmpty() && onlyCurrent.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<JUnitXml.Case> cases = new ArrayList<>();
        for (RunMatcher.Unmatched u : onlyBaseline) {
            String message = "baseline run " + result.label(u) + " (" + u.key().describe() + ") has no current run";
            cases.add(result.allowMissing() ? JUnitXml.Case.skipped(result.label(u), message)
                    : JUnitXml.Case.failed(result.label(u), message, "regression", null));
        }
        for (RunMatcher.Unmatched u : onlyCurrent) {
            cases.add(JUnitXml.Case.skipped(result.label(u), "current run " + result.label(u) + " ("
                    + u.key().describe() + ") has no baseline run: not compared"));
        }
        return java.util.Optional.of(new JUnitXml.Suite(PREFIX + "unmatched", Map.of(), cases));
    }
}
