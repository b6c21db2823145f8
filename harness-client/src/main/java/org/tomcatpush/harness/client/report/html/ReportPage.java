package org.tomcatpush.harness.client.report.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A self-contained report page: sections of tables and charts, Chart.js and the data inlined, so
 * the file opens offline. Immutable. Shared by run and sweep reports.
 *
 * <p>The page checks itself when it opens: {@code guard.js} collects every error, {@code report.js}
 * draws the charts and writes {@code ok charts=N/N} (or the problems) into the attributes
 * {@code data-status} and {@code data-detail} of the invisible {@code <div id="render-status">},
 * where a headless browser can read them; the page shows no such text.
 *
 * @param title    page title, plain text
 * @param subtitle line under the title, plain text
 * @param sections the content, in order
 */
public record ReportPage(String title, String subtitle, List<PageSection> sections) {

    private static final Template PAGE = Template.resource("report/page.html");

    public ReportPage {
        sections = List.copyOf(sections);
        Set<String> ids = new HashSet<>();
        for (ChartSpec chart : allCharts(sections)) {
            if (!ids.add(chart.id())) {
                throw new IllegalArgumentException("two charts share the id " + chart.id());
            }
        }
    }

    /** The charts that have something to show and will be drawn; the others show their one-line text. */
    public List<ChartSpec> drawnCharts() {
        return allCharts(sections).stream().filter(ChartSpec::hasData).toList();
    }

    /** The complete HTML document. */
    public String render() {
        return PAGE.render(Map.of(
                "title", Html.escape(title),
                "subtitle", Html.escape(subtitle),
                "toc", toc(),
                "body", body(),
                "style", Resources.text("report/report.css"),
                "guard", Html.scriptSafeCode(Resources.text("report/guard.js")),
                "chartjs", ChartJs.script(),
                "chartjs_version", Html.escape(ChartJs.version()),
                "data", ChartJson.toScriptSafeJson(drawnCharts()),
                "runtime", Html.scriptSafeCode(Resources.text("report/report.js"))));
    }

    private String toc() {
        StringBuilder out = new StringBuilder("<nav class=\"toc\">");
        for (PageSection s : sections) {
            out.append("<a href=\"#").append(s.id()).append("\">").append(Html.escape(s.heading())).append("</a>");
        }
        return out.append("</nav>").toString();
    }

    private String body() {
        StringBuilder out = new StringBuilder();
        for (PageSection section : sections) {
            out.append("<section id=\"").append(section.id()).append("\">\n<h2>")
                    .append(Html.escape(section.heading())).append("</h2>\n");
            boolean inCharts = false;
            for (PageSection.Block block : section.blocks()) {
                boolean chart = block instanceof PageSection.Chart;
                if (chart != inCharts) {
                    out.append(chart ? "<div class=\"charts\">\n" : "</div>\n");
                    inCharts = chart;
                }
                if (block instanceof PageSection.Chart c) {
                    out.append(figure(c.spec()));
                } else if (block instanceof PageSection.Markup m) {
                    out.append(m.html()).append('\n');
                }
            }
            if (inCharts) {
                out.append("</div>\n");
            }
            out.append("</section>\n");
        }
        return out.toString();
    }

    private static String figure(ChartSpec chart) {
        if (!chart.hasData()) {
            // one line instead of bare axes
            return "<figure class=\"chart no-data\" id=\"figure-" + chart.id() + "\"><p class=\"empty\"><b>"
                    + Html.escape(chart.title()) + "</b>: " + Html.escape(chart.emptyText()) + "</p></figure>\n";
        }
        StringBuilder out = new StringBuilder("<figure class=\"chart")
                .append("\" id=\"figure-").append(chart.id()).append("\"><figcaption><h3>")
                .append(Html.escape(chart.title())).append("</h3>");
        if (!chart.help().isEmpty()) {
            out.append("<p class=\"help\">").append(Html.escape(chart.help())).append("</p>");
        }
        out.append("</figcaption>");
        out.append("<div class=\"canvas-box\"><canvas id=\"chart-").append(chart.id())
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.title())).append("\"></canvas></div>");
        return out.append("</figure>\n").toString();
    }

    private static List<ChartSpec> allCharts(List<PageSection> sections) {
        List<ChartSpec> charts = new ArrayList<>();
        for (PageSection s : sections) {
            for (PageSection.Block b : s.blocks()) {
                if (b instanceof PageSection.Chart c) {
                    charts.add(c.spec());
                }
            }
        }
        return charts;
    }
}
