package org.tomcatpush.harness.client.jmh;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * JMH results as CSV: one row per benchmark and {@code @Param} combination. Fixed columns first
 * ({@link #LEADING_COLUMNS}), then one {@code param_NAME} column per parameter seen in any row (in
 * first-seen order; empty where a benchmark does not have it), then {@link #TRAILING_COLUMNS}.
 * Numbers are written in full precision with a dot; unknown values (an error with one iteration,
 * percentiles outside sample mode) are empty cells.
 */
public final class JmhCsv {

    /** Columns before the parameters. */
    public static final List<String> LEADING_COLUMNS = List.of("benchmark", "class", "method", "mode", "threads", "forks");
    /** Columns after the parameters. */
    public static final List<String> TRAILING_COLUMNS = List.of("score", "score_error", "score_ci_low", "score_ci_high",
            "unit", "iterations", "p50", "p90", "p99", "p999", "jdk_version", "vm_name", "vm_version", "jmh_version",
            "jvm_args", "warmup", "measurement");

    private JmhCsv() {
    }

    /** The CSV text, header included. */
    public static String render(List<JmhResult> results) {
        Set<String> paramNames = new LinkedHashSet<>();
        results.forEach(r -> paramNames.addAll(r.params().keySet()));
        List<String> header = new ArrayList<>(LEADING_COLUMNS);
        paramNames.forEach(p -> header.add("param_" + p));
        header.addAll(TRAILING_COLUMNS);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new)).get())) {
            for (JmhResult r : results) {
                List<Object> row = new ArrayList<>(header.size());
                String name = r.shortName();
                int dot = name.indexOf('.');
                row.add(r.benchmark());
                row.add(name.substring(0, Math.max(0, dot)));
                row.add(name.substring(dot + 1));
                row.add(r.mode());
                row.add(r.threads());
                row.add(r.forks());
                for (String p : paramNames) {
                    row.add(r.params().getOrDefault(p, ""));
                }
                row.add(number(r.score()));
                row.add(number(r.scoreError()));
                row.add(number(r.scoreLow()));
                row.add(number(r.scoreHigh()));
                row.add(r.unit());
                row.add(r.iterations());
                row.add(number(r.percentile(50)));
                row.add(number(r.percentile(90)));
                row.add(number(r.percentile(99)));
                row.add(number(r.percentile(99.9)));
                row.add(r.environment().getOrDefault("jdkVersion", ""));
                row.add(r.environment().getOrDefault("vmName", ""));
                row.add(r.environment().getOrDefault("vmVersion", ""));
                row.add(r.environment().getOrDefault("jmhVersion", ""));
                row.add(r.environment().getOrDefault("jvmArgs", ""));
                row.add(r.environment().getOrDefault("warmup", ""));
                row.add(r.environment().getOrDefault("measurement", ""));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CSV to memory failed", e);
        }
        return out.toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
