package org.tomcatpush.harness.client.jmh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON result file: a benchmark method run with one combination of
 * {@code @Param} values. Immutable. Scores are in {@code unit}; {@code scoreError} is the half
 * width of JMH's 99.9% confidence interval and is NaN (as are the bounds) when too few iterations
 * were measured to compute one.
 *
 * @param benchmark             fully qualified method, e.g. {@code org.example.FooBenchmark.measure}
 * @param mode                  JMH mode: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param threads               benchmark threads
 * @param forks                 forks measured
 * @param params                the {@code @Param} values, in JMH's order
 * @param score                 the primary score
 * @param scoreError            half width of the 99.9% confidence interval, NaN when unknown
 * @param scoreLow              lower bound of the confidence interval, NaN when unknown
 * @param scoreHigh             upper bound of the confidence interval, NaN when unknown
 * @param unit                  e.g. {@code us/op}, {@code ops/s}
 * @param iterations            measured iterations over all forks
 * @param percentiles           percentile (0-100) to score, for sample mode; empty otherwise
 * @param environment           JVM and JMH facts of the run: {@code jdkVersion}, {@code vmName},
 *                              {@code vmVersion}, {@code jmhVersion}, {@code jvmArgs}, {@code warmup},
 *                              {@code measurement}
 */
public record JmhResult(
        String benchmark,
        String mode,
        int threads,
        int forks,
        Map<String, String> params,
        double score,
        double scoreError,
        double scoreLow,
        double scoreHigh,
        String unit,
        int iterations,
        Map<Double, Double> percentiles,
        Map<String, String> environment) {

    public JmhResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        percentiles = Collections.unmodifiableMap(new LinkedHashMap<>(percentiles));
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** The benchmark class without its package, and the method: {@code FooBenchmark.measure}. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int type = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(type + 1);
    }

    /** The parameter combination as {@code a=1 b=nio}, or {@code (no parameters)}. */
    public String paramsLabel() {
        if (params.isEmpty()) {
            return "(no parameters)";
        }
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** A score percentile (sample mode), NaN when the run has none. */
    public double percentile(double percent) {
        Double value = percentiles.get(percent);
        return value == null ? Double.NaN : value;
    }
}
