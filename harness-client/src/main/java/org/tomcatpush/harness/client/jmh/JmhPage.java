package org.tomcatpush.harness.client.jmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tomcatpush.harness.client.report.html.ChartSpec;
import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.html.HtmlTable;
import org.tomcatpush.harness.client.report.html.PageSection;
import org.tomcatpush.harness.client.report.html.ReportPage;
import org.tomcatpush.harness.client.report.html.Series;
import org.tomcatpush.harness.client.results.Figures;

/**
 * The HTML page of a JMH run: the environment, then one section per benchmark method with a table
 * of every {@code @Param} combination (score, error, confidence interval, percentiles in sample
 * mode) and a bar chart of the score between the two ends of its 99.9% confidence interval. Built
 * from the shared report pieces, so it opens offline and checks itself like every harness report.
 */
public final class JmhPage {

    /** A chart switches to a logarithmic axis when its largest bar is this many times its smallest. */
    private static final double LOG_AXIS_RATIO = 100;
    private static final double[] SAMPLE_PERCENTILES = {50, 90, 99, 99.9};

    private JmhPage() {
    }

    /** The page for {@code results}, titled after the file they came from. */
    public static ReportPage build(String sourceName, List<JmhResult> results) {
        Map<String, List<JmhResult>> byBenchmark = new LinkedHashMap<>();
        for (JmhResult r : results) {
            byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r);
        }
        List<PageSection> sections = new ArrayList<>();
        sections.add(environment(results));
        for (List<JmhResult> group : byBenchmark.values()) {
            sections.add(benchmark(group));
        }
        return new ReportPage("JMH results: " + sourceName,
                byBenchmark.size() + " benchmarks, " + results.size() + " parameter combinations", sections);
    }

    private static PageSection environment(List<JmhResult> results) {
        JmhResult first = results.get(0);
        HtmlTable table = new HtmlTable("figures", List.of());
        table.row(List.of("JVM", first.environment().getOrDefault("vmName", "") + " "
                + first.environment().getOrDefault("vmVersion", "") + " (JDK " + first.environment().getOrDefault("jdkVersion", "") + ")"));
        table.row(List.of("JVM arguments", first.environment().getOrDefault("jvmArgs", "")));
        table.row(List.of("JMH", first.environment().getOrDefault("jmhVersion", "")));
        String help = "<p class=\"help\">Each score is JMH's mean over the measured iterations; the error is the half "
                + "width of its 99.9% confidence interval (n/a when too few iterations were measured to compute one). Two variants whose "
                + "intervals overlap are not shown to differ. Warm-up and measurement are listed per benchmark.</p>";
        return new PageSection("environment", "Environment",
                List.of(PageSection.markup(table.toHtml()), PageSection.markup(help)));
    }

    private static PageSection benchmark(List<JmhResult> group) {
        JmhResult first = group.get(0);
        String id = "b-" + first.shortName().replaceAll("[^A-Za-z0-9_-]", "-");
        Set<String> paramNames = new LinkedHashSet<>();
        group.forEach(r -> paramNames.addAll(r.params().keySet()));
        boolean sample = group.stream().anyMatch(r -> !r.percentiles().isEmpty());

        List<String> header = new ArrayList<>();
        header.add("#");
        header.addAll(paramNames);
        header.addAll(List.of("score", "± error", "99.9% CI", "unit"));
        if (sample) {
            for (double p : SAMPLE_PERCENTILES) {
                header.add("p" + Figures.display(p));
            }
        }
        HtmlTable table = new HtmlTable("figures", header);
        List<String> categories = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        int n = 0;
        for (JmhResult r : group) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(++n));
            for (String p : paramNames) {
                row.add(r.params().getOrDefault(p, ""));
            }
            row.add(Figures.display(r.score()));
            row.add(Figures.display(r.scoreError()));
            row.add(Double.isFinite(r.scoreLow())
                    ? Figures.display(r.scoreLow()) + " .. " + Figures.display(r.scoreHigh()) : Figures.NOT_AVAILABLE);
            row.add(r.unit());
            if (sample) {
                for (double p : SAMPLE_PERCENTILES) {
                    row.add(Figures.display(r.percentile(p)));
                }
            }
            table.row(row);
            categories.add(r.paramsLabel());
            scores.add(r.score());
            lows.add(r.scoreLow());
            highs.add(r.scoreHigh());
        }
        String unit = first.unit();
        ChartSpec.Builder chart = ChartSpec.builder(id + "-score", ChartSpec.Kind.BAR)
                .title(first.shortName() + " (" + first.mode() + ", " + unit + ")")
                .help("Per @Param combination: the score (middle bar) between the lower and upper ends of its 99.9% "
                        + "confidence interval. Missing ends: too few iterations to compute the interval."
                        + (isThroughput(first) ? " Higher is better." : " Lower is better."))
                .xAxis(ChartSpec.XAxis.CATEGORY, "@Param combination")
                .yAxis(unit)
                .categories(categories)
                .series(Series.bars("99.9% CI low", lows))
                .series(Series.bars("score", scores))
                .series(Series.bars("99.9% CI high", highs));
        if (wideRange(lows, scores, highs)) {
            chart.logY();
        }
        String settings = "<p class=\"help\">" + Html.escape(first.mode() + " mode, " + first.threads() + " thread(s), "
                + first.forks() + " fork(s), warm-up " + first.environment().getOrDefault("warmup", "") + ", measurement "
                + first.environment().getOrDefault("measurement", "")) + "</p>";
        return new PageSection(id, first.shortName(), List.of(PageSection.markup(settings),
                PageSection.markup(table.toHtml()), PageSection.chart(chart.build())));
    }

    private static boolean isThroughput(JmhResult r) {
        return "thrpt".equals(r.mode());
    }

    @SafeVarargs
    private static boolean wideRange(List<Double>... lists) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (List<Double> values : lists) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    if (v <= 0) {
                        return false;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 && max / min >= LOG_AXIS_RATIO;
    }
}
