package org.tomcatpush.harness.client.report.run;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.Figures;
import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.html.HtmlTable;
import org.tomcatpush.harness.client.report.html.PageSection;
import org.tomcatpush.harness.client.report.html.ReportPage;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * Assembles the run report: scenario and environment, findings, key figures, then the charts.
 * Every value taken from the run is escaped (tables escape their cells, findings are escaped here).
 */
public final class RunPage {

    /** Key figures: column of {@code summary.csv} and how the table labels it. */
    private static final List<String[]> FIGURES = List.of(
            new String[] {SummaryColumns.SESSIONS, "sessions"},
            new String[] {SummaryColumns.HANDLER, "handler"},
            new String[] {SummaryColumns.REQUESTS, "requests"},
            new String[] {SummaryColumns.CONNECTIONS_OPENED, "connections opened"},
            new String[] {SummaryColumns.REQUESTS_PER_CONNECTION_MEAN, "requests per connection (mean)"},
            new String[] {SummaryColumns.MESSAGES_RECEIVED, "messages received"},
            new String[] {SummaryColumns.MESSAGES_LOST, "messages lost"},
            new String[] {SummaryColumns.MESSAGES_DUPLICATED, "messages duplicated"},
            new String[] {SummaryColumns.LATENCY_P50_MS, "latency p50 (ms)"},
            new String[] {SummaryColumns.LATENCY_P99_MS, "latency p99 (ms)"},
            new String[] {SummaryColumns.LATENCY_MAX_MS, "latency max (ms)"},
            new String[] {SummaryColumns.REQUESTS_PER_MESSAGE, "requests per message"},
            new String[] {SummaryColumns.BYTES_PER_MESSAGE, "bytes per message"},
            new String[] {SummaryColumns.RECONNECTS, "reconnects"},
            new String[] {SummaryColumns.CONNECT_FAILURES, "connect failures"},
            new String[] {SummaryColumns.ERRORS, "errors"},
            new String[] {SummaryColumns.BUSY_THREADS_MEAN, "busy threads (mean)"},
            new String[] {SummaryColumns.BUSY_THREADS_MAX, "busy threads (max)"},
            new String[] {SummaryColumns.SERVER_CONNECTIONS_MAX, "server connections (max)"});

    /** Server settings shown from {@code summary.csv} beside {@code run.json}. */
    private static final List<String[]> SETTINGS = List.of(
            new String[] {SummaryColumns.PROTOCOL, "protocol"},
            new String[] {SummaryColumns.HANDLER, "handler"},
            new String[] {SummaryColumns.SESSIONS, "sessions"},
            new String[] {SummaryColumns.DURATION_S, "duration (s)"},
            new String[] {SummaryColumns.MAX_THREADS, "maxThreads"},
            new String[] {SummaryColumns.MAX_CONNECTIONS, "maxConnections"},
            new String[] {SummaryColumns.ACCEPT_COUNT, "acceptCount"},
            new String[] {SummaryColumns.KEEP_ALIVE_TIMEOUT_MS, "keepAliveTimeout (ms)"},
            new String[] {SummaryColumns.MAX_KEEP_ALIVE_REQUESTS, "maxKeepAliveRequests"});

    private RunPage() {
    }

    /** The report page of {@code run} with its {@code findings}. */
    public static ReportPage build(RunData run, List<Finding> findings) {
        String subtitle = "run folder " + run.runDir().toAbsolutePath().normalize()
                + run.status().map(s -> " · status " + s).orElse("");
        return new ReportPage("Run report: " + run.name(), subtitle, List.of(
                new PageSection("scenario", "Scenario and environment", List.of(PageSection.markup(scenario(run)))),
                new PageSection("findings", "Findings", List.of(PageSection.markup(findingsList(findings)))),
                new PageSection("figures", "Key figures", List.of(PageSection.markup(keyFigures(run)))),
                new PageSection("latency", "Delivery latency", List.of(
                        PageSection.chart(RunCharts.latencyPercentiles(run)),
                        PageSection.markup(latencyTable(run)))),
                new PageSection("over-time", "Over time", List.of(
                        PageSection.chart(RunCharts.occupancy(run)),
                        PageSection.chart(RunCharts.throughput(run)),
                        PageSection.chart(RunCharts.reconnectsOverTime(run)))),
                new PageSection("connections", "Connections and reconnects", List.of(
                        PageSection.chart(RunCharts.requestsPerConnection(run)),
                        PageSection.chart(RunCharts.closesByCause(run)),
                        PageSection.chart(RunCharts.reconnectsByCause(run)))),
                new PageSection("delivery", "Delivery", List.of(PageSection.chart(RunCharts.lostAndDuplicated(run))))));
    }

    static String findingsList(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "<p class=\"note\">No findings: the run's files hold too little to judge.</p>";
        }
        StringBuilder out = new StringBuilder("<ul class=\"findings\">");
        for (Finding f : findings) {
            out.append("<li class=\"").append(f.severity().label()).append("\"><span class=\"severity\">")
                    .append(f.severity().label()).append("</span> ").append(Html.escape(f.text())).append("</li>");
        }
        return out.append("</ul>").toString();
    }

    static String keyFigures(RunData run) {
        List<String> header = new ArrayList<>();
        header.add("figure");
        run.rows().forEach(r -> header.add(r.transport()));
        HtmlTable table = new HtmlTable("figures", header);
        for (String[] figure : FIGURES) {
            List<String> cells = new ArrayList<>();
            cells.add(figure[1]);
            for (SummaryRow row : run.rows()) {
                cells.add(row.number(figure[0]).isPresent() ? Figures.format(row.number(figure[0]))
                        : row.text(figure[0]).orElse(Figures.NOT_AVAILABLE));
            }
            table.row(cells);
        }
        return table.toHtml();
    }

    static String scenario(RunData run) {
        StringBuilder out = new StringBuilder("<div class=\"info-grid\">");
        HtmlTable settings = new HtmlTable("properties", List.of());
        SummaryRow row = run.runRow();
        settings.row(List.of("transports", String.join(", ", run.transportRows().stream()
                .map(SummaryRow::transport).toList())));
        for (String[] setting : SETTINGS) {
            settings.row(List.of(setting[1], row.text(setting[0]).orElse(Figures.NOT_AVAILABLE)));
        }
        out.append("<div><h3>Server settings (summary.csv)</h3>").append(settings.toHtml()).append("</div>");
        for (RunInfo.Section section : run.info().sections()) {
            HtmlTable table = new HtmlTable("properties", List.of());
            section.properties().forEach(p -> table.row(List.of(p.key(), p.value())));
            out.append("<div><h3>").append(Html.escape(section.title())).append(" (run.json)</h3>")
                    .append(table.toHtml()).append("</div>");
        }
        return out.append("</div>").toString();
    }

    static String latencyTable(RunData run) {
        HtmlTable table = new HtmlTable("figures", List.of("tag", "messages", "mean (ms)", "p50 (ms)", "p90 (ms)",
                "p99 (ms)", "p99.9 (ms)", "max (ms)"));
        for (LatencyDistribution d : run.latency()) {
            boolean any = d.count() > 0;
            table.row(List.of(d.tag(), Figures.format(d.count()), ms(any, d.meanMs()), ms(any, d.p50Ms()),
                    ms(any, d.p90Ms()), ms(any, d.p99Ms()), ms(any, d.p999Ms()), ms(any, d.maxMs())));
        }
        if (table.isEmpty()) {
            return "<p class=\"note\">latency.hlog holds no intervals: no message was received.</p>";
        }
        return "<h3>Latency from latency.hlog</h3>" + table.toHtml();
    }

    private static String ms(boolean recorded, double valueMs) {
        return recorded ? Figures.format(valueMs) : Figures.NOT_AVAILABLE;
    }
}
