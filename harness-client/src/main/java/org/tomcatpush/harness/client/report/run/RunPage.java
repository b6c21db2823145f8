package org.tomcatpush.harness.client.report.run;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.html.HtmlTable;
import org.tomcatpush.harness.client.report.html.PageSection;
import org.tomcatpush.harness.client.report.html.ReportPage;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.ResultsFolder;
import org.tomcatpush.harness.client.thresholds.RunThresholds;
import org.tomcatpush.harness.client.thresholds.Threshold;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;

/**
 * Assembles the run report in the order a capacity planner reads it: the verdict and the capacity
 * table per 1,000 sessions ({@link Headline}, visible without scrolling), the thresholds, the
 * findings (warnings first), the charts, every figure, and last the configuration, once, folded.
 * Every value taken from the run is escaped (tables escape their cells, findings are escaped here).
 */
public final class RunPage {

    /** Key figures: column of {@code summary.csv} and how the table labels it. */
    private static final List<Labelled> FIGURES = List.of(
            core(SummaryColumns.SESSIONS, "sessions"),
            core(SummaryColumns.HANDLER, "handler"),
            core(SummaryColumns.REQUESTS, "requests"),
            core(SummaryColumns.CONNECTIONS_OPENED, "connections opened"),
            core(SummaryColumns.REQUESTS_PER_CONNECTION_MEAN, "requests per connection (mean)"),
            core(SummaryColumns.MESSAGES_RECEIVED, "messages received"),
            core(SummaryColumns.MESSAGES_LOST, "messages lost"),
            core(SummaryColumns.MESSAGES_DUPLICATED, "messages duplicated"),
            core(SummaryColumns.LATENCY_P50_MS, "latency p50 (ms)"),
            core(SummaryColumns.LATENCY_P99_MS, "latency p99 (ms)"),
            core(SummaryColumns.LATENCY_MAX_MS, "latency max (ms)"),
            optional(SummaryColumns.RESPONSE_TIME_P99_MS, "poll response p99, intended (ms)"),
            optional(SummaryColumns.RESPONSE_TIME_UNCORRECTED_P99_MS, "poll response p99, actual (ms)"),
            core(SummaryColumns.REQUESTS_PER_MESSAGE, "requests per message"),
            core(SummaryColumns.BYTES_PER_MESSAGE, "bytes per message"),
            core(SummaryColumns.RECONNECTS, "reconnects"),
            core(SummaryColumns.CONNECT_FAILURES, "connect failures"),
            core(SummaryColumns.ERRORS, "errors"),
            core(SummaryColumns.BUSY_THREADS_MEAN, "busy threads (mean)"),
            core(SummaryColumns.BUSY_THREADS_MAX, "busy threads (max)"),
            optional(SummaryColumns.QUEUE_LENGTH_MAX, "executor queue (max)"),
            core(SummaryColumns.SERVER_CONNECTIONS_MAX, "server connections (max)"),
            optional(SummaryColumns.CLIENT_MINUS_SERVER_REQUESTS, "client minus server requests"),
            optional(SummaryColumns.CLIENT_MINUS_SERVER_CONNECTIONS, "client minus server connections"));

    private RunPage() {
    }

    /**
     * A {@code summary.csv} column and its label in the report. A core column is always listed
     * (as "n/a" when absent); an optional one only when the file has it.
     */
    record Labelled(String column, String label, boolean core) {

        boolean shownFor(List<SummaryRow> rows) {
            return core || rows.stream().anyMatch(r -> r.cells().containsKey(column));
        }

        String valueIn(SummaryRow row) {
            return row.number(column).isPresent() ? Figures.display(row.number(column))
                    : row.text(column).orElse(Figures.NOT_AVAILABLE);
        }
    }

    static Labelled core(String column, String label) {
        return new Labelled(column, label, true);
    }

    static Labelled optional(String column, String label) {
        return new Labelled(column, label, false);
    }

    /** The report page of {@code run} with its {@code findings}. */
    public static ReportPage build(RunData run, List<Finding> findings) {
        String subtitle = "run " + ResultsFolder.runIdOf(run.runDir());
        RunThresholds thresholds = RunThresholds.of(run);
        List<PageSection.Block> headline = new ArrayList<>();
        headline.add(PageSection.markup(Headline.verdict(run, findings, thresholds)));
        headline.add(PageSection.markup(Headline.capacityTable(run)));
        if (!thresholds.isEmpty() && !thresholds.recorded()) {
            headline.add(PageSection.markup("<h3>Thresholds: not recorded</h3><p class=\"note\">"
                    + Html.escape(thresholds.notRecordedText()) + "</p>"));
        } else if (!thresholds.isEmpty()) {
            boolean held = thresholds.breaches().isEmpty() && thresholds.problems().isEmpty();
            headline.add(PageSection.markup("<h3>" + (held ? "Thresholds: every one held" : "Thresholds: breached")
                    + "</h3>" + thresholdTable(thresholds)));
        }

        List<PageSection.Block> latency = new ArrayList<>();
        latency.add(PageSection.chart(LatencyCharts.delivery(run)));
        LatencyCharts.pollResponseTime(run).ifPresent(c -> latency.add(PageSection.chart(c)));
        latency.add(PageSection.chart(TimeCharts.latency(run)));
        latency.add(PageSection.markup(latencyTable(run)));

        List<PageSection.Block> threadsAndConnections = new ArrayList<>();
        threadsAndConnections.add(PageSection.chart(TimeCharts.threads(run)));
        threadsAndConnections.add(PageSection.chart(TimeCharts.connections(run)));
        TimeCharts.serverSamples(run).ifPresent(c -> threadsAndConnections.add(PageSection.chart(c)));

        List<PageSection.Block> traffic = new ArrayList<>();
        traffic.add(PageSection.chart(TimeCharts.throughput(run)));
        TimeCharts.throughputByTransport(run).ifPresent(c -> traffic.add(PageSection.chart(c)));
        traffic.add(PageSection.chart(TimeCharts.failures(run)));

        return new ReportPage("Run report: " + run.name(), subtitle, List.of(
                new PageSection("headline", "Verdict and capacity per 1,000 sessions", headline),
                new PageSection("findings", "Findings", List.of(PageSection.markup(findingsList(findings)))),
                new PageSection("latency", "Latency", latency),
                new PageSection("threads-connections", "Threads and connections", threadsAndConnections),
                new PageSection("over-time", "Traffic and failures over time", traffic),
                new PageSection("connections", "Connections and reconnects", List.of(
                        PageSection.chart(TransportCharts.requestsPerConnection(run)),
                        PageSection.chart(TransportCharts.closesByCause(run)),
                        PageSection.chart(TransportCharts.reconnectsByCause(run)))),
                new PageSection("delivery", "Delivery", List.of(
                        PageSection.chart(TransportCharts.lostAndDuplicated(run)))),
                new PageSection("figures", "All figures", List.of(PageSection.markup(keyFigures(run)))),
                new PageSection("configuration", "Configuration", List.of(PageSection.markup(
                        ConfigurationTable.folded(run))))));
    }

    /** One line per threshold per row: the condition, the figure, passed or breached. */
    static String thresholdTable(RunThresholds thresholds) {
        HtmlTable table = new HtmlTable("figures", List.of("row", "threshold", "value", "outcome"));
        for (ThresholdOutcome o : thresholds.outcomes()) {
            table.row(List.of(o.row(), o.threshold().condition(),
                    o.observed().isPresent() ? Threshold.number(o.observed().getAsDouble()) : Figures.NOT_AVAILABLE,
                    o.breached() ? (o.observed().isPresent() ? "BREACHED" : "BREACHED (no value)") : "passed"));
        }
        StringBuilder out = new StringBuilder(table.toHtml());
        for (String problem : thresholds.problems()) {
            out.append("<p class=\"note\">not judged: ").append(Html.escape(problem)).append("</p>");
        }
        return out.toString();
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
        for (Labelled figure : FIGURES) {
            if (!figure.shownFor(run.rows())) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            cells.add(figure.label());
            run.rows().forEach(row -> cells.add(figure.valueIn(row)));
            table.row(cells);
        }
        return table.toHtml();
    }

    static String latencyTable(RunData run) {
        HtmlTable table = new HtmlTable("figures", List.of("tag", "messages", "mean (ms)", "p50 (ms)", "p90 (ms)",
                "p99 (ms)", "p99.9 (ms)", "max (ms)"));
        for (LatencyDistribution d : run.latency()) {
            boolean any = d.count() > 0;
            table.row(List.of(d.tag(), Figures.display(d.count()), ms(any, d.meanMs()), ms(any, d.p50Ms()),
                    ms(any, d.p90Ms()), ms(any, d.p99Ms()), ms(any, d.p999Ms()), ms(any, d.maxMs())));
        }
        if (table.isEmpty()) {
            return "<p class=\"note\">latency.hlog holds no intervals: no message was received.</p>";
        }
        return "<h3>Latency from latency.hlog</h3>" + table.toHtml();
    }

    private static String ms(boolean recorded, double valueMs) {
        return recorded ? Figures.display(valueMs) : Figures.NOT_AVAILABLE;
    }
}
