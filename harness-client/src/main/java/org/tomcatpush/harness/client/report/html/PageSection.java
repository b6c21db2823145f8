package org.tomcatpush.harness.client.report.html;

import java.util.List;

/**
 * One section of a report page: a heading and blocks of markup and charts, in order. Immutable.
 *
 * @param id      the section's anchor (a plain identifier)
 * @param heading plain text
 * @param blocks  the content
 */
public record PageSection(String id, String heading, List<PageSection.Block> blocks) {

    public PageSection {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("section id must be a plain identifier: " + id);
        }
        blocks = List.copyOf(blocks);
    }

    /** A part of a section. */
    public sealed interface Block permits Markup, Chart {
    }

    /**
     * Markup written by the report code, every run-supplied value in it already passed through
     * {@link Html#escape(String)}.
     */
    public record Markup(String html) implements Block {
    }

    /** A chart; drawn by the page script, or replaced by a "no data" note when it has nothing to draw. */
    public record Chart(ChartSpec spec) implements Block {
    }

    public static Block markup(String html) {
        return new Markup(html);
    }

    public static Block chart(ChartSpec spec) {
        return new Chart(spec);
    }
}
