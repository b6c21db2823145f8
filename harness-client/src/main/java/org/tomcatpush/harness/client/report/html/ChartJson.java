package org.tomcatpush.harness.client.report.html;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serialises chart specs into the JSON the page script reads ({@code {"charts":[...]}}): gaps
 * become {@code null}, and the text is made safe to sit inside a {@code <script>} element.
 */
public final class ChartJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChartJson() {
    }

    /** The page data for {@code charts}, ready to inline. */
    public static String toScriptSafeJson(List<ChartSpec> charts) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("charts");
        for (ChartSpec chart : charts) {
            array.add(toNode(chart));
        }
        try {
            return Html.scriptSafeJson(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise chart data", e);
        }
    }

    private static ObjectNode toNode(ChartSpec chart) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", chart.id());
        node.put("kind", chart.kind().name().toLowerCase(Locale.ROOT));
        node.put("title", chart.title());
        node.put("xAxis", chart.xAxis().name().toLowerCase(Locale.ROOT));
        node.put("xLabel", chart.xLabel());
        node.put("yLabel", chart.yLabel());
        node.put("y2Label", chart.y2Label());
        node.put("logY", chart.logY());
        node.put("stacked", chart.stacked());
        ArrayNode categories = node.putArray("categories");
        chart.categories().forEach(categories::add);
        ArrayNode seriesArray = node.putArray("series");
        for (Series s : chart.series()) {
            ObjectNode sn = seriesArray.addObject();
            sn.put("label", s.label());
            sn.put("rightAxis", s.rightAxis());
            sn.put("limit", s.limit());
            numbers(sn.putArray("x"), s.x());
            numbers(sn.putArray("y"), s.y());
        }
        return node;
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        for (Double v : values) {
            if (v == null || v.isNaN() || v.isInfinite()) {
                array.addNull();
            } else {
                array.add(v);
            }
        }
    }
}
