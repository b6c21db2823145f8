package org.tomcatpush.harness.client.report.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.html.PageSection;
import org.tomcatpush.harness.client.report.html.ReportPage;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * Assembles the sweep report from a {@link SweepTable}: what was swept and what failed, the
 * {@link SweepMetric} charts by group, and a table of every run linking to its own report.
 * Stateless.
 */
public final class SweepPage {

    /** Figures of the runs table: heading and summary column. */
    private static final Map<String, String> TABLE_FIGURES = tableFigures();

    private SweepPage() {
    }

    /**
     * @param title        the page title (the sweep folder's name)
     * @param scenarioText the scenario file as run, shown verbatim; empty when unknown
     */
    public static ReportPage build(String title, SweepTable sweep, Optional<String> scenarioText) {
        SweepCharts charts = new SweepCharts(sweep);
        List<PageSection> sections = new ArrayList<>();
        sections.add(overview(sweep, charts, scenarioText));
        for (SweepMetric.Group group : SweepMetric.Group.values()) {
            List<PageSection.Block> blocks = new ArrayList<>();
            for (SweepMetric metric : SweepMetric.values()) {
                if (metric.group() == group) {
                    blocks.add(PageSection.chart(charts.chart(metric)));
                }
            }
            sections.add(new PageSection(group.id(), group.heading(), blocks));
        }
        sections.add(new PageSection("runs", "Runs", List.of(PageSection.markup(runsTable(sweep)))));
        int runs = sweep.runCount();
        int unsuccessful = sweep.unsuccessfulRuns().size();
        String subtitle = runs + " runs, " + (runs - unsuccessful) + " completed"
                + (unsuccessful > 0 ? ", " + unsuccessful + " not completed" : "")
                + "; swept: " + String.join(" x ", sweep.sweptKeys());
        return new ReportPage("Sweep " + title, subtitle, sections);
    }

    private static PageSection overview(SweepTable sweep, SweepCharts charts, Optional<String> scenarioText) {
        StringBuilder html = new StringBuilder("<table class=\"properties\"><tbody>");
        for (String key : sweep.sweptKeys()) {
            html.append("<tr><th scope=\"row\">").append(Html.escape(key)).append("</th><td>")
                    .append(Html.escape(String.join(", ", sweep.values(key)))).append("</td></tr>");
        }
        html.append("</tbody></table>\n<p class=\"note\">")
                .append(Html.escape(charts.xKey().map(k -> "Charts put " + k + " on the x axis, with one series per "
                        + "transport and per value of the other swept keys.")
                        .orElse("Charts show one bar per transport.")))
                .append(" Each chart reads one column of sweep.csv; the runs table at the end links to every"
                        + " run's own report.</p>\n");
        List<SummaryRow> unsuccessful = sweep.unsuccessfulRuns();
        if (!unsuccessful.isEmpty()) {
            html.append("<ul class=\"findings\">");
            for (SummaryRow row : unsuccessful) {
                html.append("<li class=\"warning\"><span class=\"severity\">")
                        .append(Html.escape(row.text(SweepColumns.STATUS).orElse("failed"))).append("</span> run ")
                        .append(Html.escape(row.text(SweepColumns.RUN_INDEX).orElse("?"))).append(" (")
                        .append(Html.escape(values(sweep, row))).append("): ")
                        .append(Html.escape(row.text(SweepColumns.FAILURE).orElse("no cause recorded")))
                        .append("</li>");
            }
            html.append("</ul>\n");
        }
        scenarioText.ifPresent(text -> html.append("<h3>Scenario file</h3><pre class=\"scenario\">")
                .append(Html.escape(text)).append("</pre>\n"));
        return new PageSection("sweep", "Sweep", List.of(PageSection.markup(html.toString())));
    }

    /** Every row of sweep.csv with its key figures and a link to its run's report. */
    private static String runsTable(SweepTable sweep) {
        StringBuilder html = new StringBuilder("<table class=\"runs\"><thead><tr><th scope=\"col\">run</th>");
        for (String key : sweep.sweptKeys()) {
            html.append("<th scope=\"col\">").append(Html.escape(key)).append("</th>");
        }
        html.append("<th scope=\"col\">transport</th><th scope=\"col\">status</th>");
        TABLE_FIGURES.keySet().forEach(h -> html.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>"));
        html.append("<th scope=\"col\">report</th></tr></thead><tbody>");
        for (SummaryRow row : sweep.rows()) {
            html.append("<tr><th scope=\"row\">").append(Html.escape(row.text(SweepColumns.RUN_INDEX).orElse("")))
                    .append("</th>");
            for (String key : sweep.sweptKeys()) {
                html.append("<td>").append(Html.escape(sweep.sweptValue(row, key).orElse(""))).append("</td>");
            }
            html.append("<td>").append(Html.escape(row.text(SummaryColumns.TRANSPORT).orElse(""))).append("</td><td>")
                    .append(Html.escape(row.text(SweepColumns.STATUS).orElse(""))).append("</td>");
            TABLE_FIGURES.values().forEach(column -> html.append("<td>")
                    .append(Html.escape(Figures.display(row.number(column)))).append("</td>"));
            Optional<String> folder = row.text(SweepColumns.RUN_FOLDER);
            html.append("<td>");
            folder.ifPresent(f -> html.append("<a href=\"").append(Html.escape(f)).append("/report.html\">")
                    .append(Html.escape(f)).append("</a>"));
            html.append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String values(SweepTable sweep, SummaryRow row) {
        List<String> parts = new ArrayList<>();
        for (String key : sweep.sweptKeys()) {
            sweep.sweptValue(row, key).ifPresent(v -> parts.add(key + "=" + v));
        }
        return String.join(" ", parts);
    }

    private static Map<String, String> tableFigures() {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("sessions", SummaryColumns.SESSIONS);
        figures.put("requests", SummaryColumns.REQUESTS);
        figures.put("connections opened", SummaryColumns.CONNECTIONS_OPENED);
        figures.put("requests / connection", SummaryColumns.REQUESTS_PER_CONNECTION_MEAN);
        figures.put("reconnects", SummaryColumns.RECONNECTS);
        figures.put("busy threads max", SummaryColumns.BUSY_THREADS_MAX);
        figures.put("queue max", SummaryColumns.QUEUE_LENGTH_MAX);
        figures.put("server connections max", SummaryColumns.SERVER_CONNECTIONS_MAX);
        figures.put("requests / message", SummaryColumns.REQUESTS_PER_MESSAGE);
        figures.put("bytes / message", SummaryColumns.BYTES_PER_MESSAGE);
        figures.put("latency p50 ms", SummaryColumns.LATENCY_P50_MS);
        figures.put("latency p99 ms", SummaryColumns.LATENCY_P99_MS);
        figures.put("messages lost", SummaryColumns.MESSAGES_LOST);
        figures.put("errors", SummaryColumns.ERRORS);
        return figures;
    }
}
