package org.tomcatpush.harness.client.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReportPageTest {

    private static ChartSpec line(String id, double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return ChartSpec.builder(id, ChartSpec.Kind.LINE).title("Chart " + id).xAxis(ChartSpec.XAxis.LINEAR, "s")
                .series(Series.line("values", x, y, false)).build();
    }

    private static JsonNode data(String html) throws Exception {
        int start = html.indexOf("<script id=\"report-data\" type=\"application/json\">");
        int end = html.indexOf("</script>", start);
        return new ObjectMapper().readTree(html.substring(html.indexOf('>', start) + 1, end));
    }

    @Test
    void chartWithNothingToShowIsOneLineOfTextAndIsNotDrawn() throws Exception {
        ChartSpec zeros = ChartSpec.builder("zeros", ChartSpec.Kind.LINE).title("Reconnects").whenEmpty("no reconnects")
                .series(Series.line("reconnects", new double[] {1, 2}, new double[] {0, 0}, false)).build();
        ChartSpec limitOnly = ChartSpec.builder("limit", ChartSpec.Kind.LINE).title("Threads")
                .series(Series.line("busy", new double[] {1, 2}, new double[] {Double.NaN, 0}, false))
                .series(Series.limitLine("maxThreads 200", new double[] {1, 2}, 200, false)).build();
        ReportPage page = new ReportPage("t", "s", List.of(new PageSection("charts", "Charts", List.of(
                PageSection.chart(line("full", 1, 2, 3)),
                PageSection.chart(line("empty", Double.NaN, Double.NaN)),
                PageSection.chart(zeros), PageSection.chart(limitOnly)))));

        String html = page.render();

        assertEquals(List.of("full"), page.drawnCharts().stream().map(ChartSpec::id).toList());
        assertTrue(html.contains("<canvas id=\"chart-full\""));
        assertFalse(html.contains("<canvas id=\"chart-empty\""));
        assertTrue(html.contains("<figure class=\"chart no-data\" id=\"figure-empty\"><p class=\"empty\"><b>Chart empty"
                + "</b>: no data: this run recorded nothing for this chart</p></figure>"));
        assertTrue(html.contains("<figure class=\"chart no-data\" id=\"figure-zeros\"><p class=\"empty\"><b>Reconnects"
                + "</b>: no reconnects</p></figure>"));
        assertTrue(html.contains("id=\"figure-limit\"><p class=\"empty\">"), "a limit line alone is nothing to show");
        JsonNode charts = data(html).get("charts");
        assertEquals(1, charts.size());
        assertEquals("full", charts.get(0).get("id").asText());
    }

    @Test
    void gapsTravelAsJsonNull() throws Exception {
        String html = new ReportPage("t", "s", List.of(new PageSection("c", "C", List.of(
                PageSection.chart(line("gappy", 1, Double.NaN, 3)))))).render();

        assertEquals("[1.0,null,3.0]", data(html).get("charts").get(0).get("series").get(0).get("y").toString());
    }

    @Test
    void twoChartsWithOneIdAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReportPage("t", "s", List.of(
                new PageSection("a", "A", List.of(PageSection.chart(line("x", 1)))),
                new PageSection("b", "B", List.of(PageSection.chart(line("x", 2)))))));
    }

    @Test
    void pageStartsPendingSoThatAPageWhoseScriptsNeverRanFailsItsCheck() {
        String html = new ReportPage("t", "s", List.of()).render();

        assertTrue(html.contains("<div id=\"render-status\" hidden data-status=\"pending\" data-detail=\"pending: the"
                + " report's scripts did not run\"></div>"), "pending, in attributes only: the page shows no status text");
    }
}
