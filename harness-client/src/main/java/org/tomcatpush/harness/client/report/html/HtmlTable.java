package org.tomcatpush.harness.client.report.html;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain table built from text cells, every cell escaped. Not thread-safe; build, then call
 * {@link #toHtml()}.
 *
 * <pre>
 * HtmlTable t = new HtmlTable("figures", List.of("metric", "sse"));
 * t.row(List.of("requests", "12"));
 * String html = t.toHtml();
 * </pre>
 */
public final class HtmlTable {

    private final String cssClass;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param cssClass class of the table element (a plain identifier)
     * @param header   column headings, plain text; empty for a table without a header row
     */
    public HtmlTable(String cssClass, List<String> header) {
        if (!cssClass.matches("[A-Za-z0-9 _-]*")) {
            throw new IllegalArgumentException("css class must be plain: " + cssClass);
        }
        this.cssClass = cssClass;
        this.header = List.copyOf(header);
    }

    /** Adds a row of plain-text cells; the first cell is the row's heading. */
    public HtmlTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String toHtml() {
        StringBuilder out = new StringBuilder("<table class=\"").append(cssClass).append("\">");
        if (!header.isEmpty()) {
            out.append("<thead><tr>");
            for (String h : header) {
                out.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
            }
            out.append("</tr></thead>");
        }
        out.append("<tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                String tag = i == 0 ? "th scope=\"row\"" : "td";
                out.append('<').append(tag).append('>').append(Html.escape(row.get(i)))
                        .append("</").append(i == 0 ? "th" : "td").append('>');
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
