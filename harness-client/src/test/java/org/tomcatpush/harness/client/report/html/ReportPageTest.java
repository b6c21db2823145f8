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
    void chartWithoutDataShowsANoteAndIsNotDrawn() throws Exception {
        ReportPage page = new ReportPage("t", "s", List.of(new PageSection("charts", "Charts", List.of(
                PageSection.chart(line("full", 1, 2, 3)),
                PageSection.chart(line("empty", Double.NaN, Double.NaN))))));

        String html = page.render();

        assertEquals(List.of("full"), page.drawnCharts().stream().map(ChartSpec::id).toList());
        assertTrue(html.contains("<canvas id=\"chart-full\""));
        assertFalse(html.contains("<canvas id=\"chart-empty\""));
        assertTrue(html.contains("id=\"figure-empty\"><figcaption><h3>Chart empty</h3></figcaption>"
                + "<p class=\"empty\">No data: this run recorded nothing for this chart.</p>"));
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

        assertTrue(html.contains("<div id=\"render-status\" data-status=\"pending\">"));
    }
}
