package org.tomcatpush.harness.client.sweep.experiments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.html.HtmlTable;
import org.tomcatpush.harness.client.report.html.PageSection;
import org.tomcatpush.harness.client.report.html.ReportPage;

/**
 * The experiments summary as a self-contained page ({@code experiments.html}), built from the
 * report's page pieces: first one table that answers on one page (per experiment its claim,
 * verdict, the figure that decided it ({@link DecidingFigure}) and a link to its sweep report), then a
 * section per experiment with its claim, settings, measured figures, criteria (met, not met, no
 * data) and the same link. Stateless.
 */
public final class ExperimentsPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ExperimentsPage() {
    }

    public static ReportPage build(SummaryContext context, List<ExperimentResult> results) {
        List<PageSection> sections = new ArrayList<>();
        // The claims table first: with twelve experiments it must read in one screen.
        String overview = claims(results) + "\n<p class=\"note\">A claim the measurement contradicts"
                + " is reported as not supported, with the numbers: a finding, not a failure of the harness."
                + " Inconclusive means runs or figures the criteria need are missing (never read as 0). Partly"
                + " judged means every criterion judged was met but part of the claim has none: the experiment"
                + " says which part.</p>\n<table class=\"properties\"><tbody>" + property("command", context.command())
                + property("date", WHEN.format(context.writtenAt())) + property("machine", context.machine())
                + context.wallTime().map(t -> property("wall time", t)).orElse("") + "</tbody></table>";
        sections.add(new PageSection("summary", "Summary", List.of(PageSection.markup(overview))));
        for (ExperimentResult r : results) {
            sections.add(section(r));
        }
        return new ReportPage("Experiments", results.size() + " experiments judged from their sweeps", sections);
    }

    /** The one-page answer: a row per experiment, its verdict, the deciding figure and its sweep report. */
    static String claims(List<ExperimentResult> results) {
        StringBuilder html = new StringBuilder("<table class=\"claims\"><thead><tr><th scope=\"col\">id</th>"
                + "<th scope=\"col\">claim</th><th scope=\"col\">verdict</th><th scope=\"col\">the figure that"
                + " decided it</th><th scope=\"col\">sweep report</th></tr></thead><tbody>");
        for (ExperimentResult r : results) {
            Verdict v = r.verdict();
            DecidingFigure deciding = DecidingFigure.of(v);
            html.append("<tr><th scope=\"row\"><a href=\"#").append(anchor(v)).append("\">")
                    .append(Html.escape(v.experiment().id())).append("</a></th><td>")
                    .append(Html.escape(v.experiment().title())).append("</td><td class=\"support ")
                    .append(v.support().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("\">")
                    .append(Html.escape(v.support().label())).append("</td><td><span class=\"basis\">")
                    .append(Html.escape(deciding.basis())).append(":</span> ").append(Html.escape(deciding.figures()));
            if (!deciding.notJudged().isEmpty()) {
                html.append("<br><span class=\"basis\">not judged:</span> ")
                        .append(Html.escape(String.join("; ", deciding.notJudged())));
            }
            html.append("</td><td>").append(r.sweeps().isEmpty() ? "not run" : reportLinks(r)).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    /** {@code report}, or {@code report 1, report 2} when several sweeps serve the experiment. */
    private static String reportLinks(ExperimentResult r) {
        List<String> links = r.reportLinks();
        List<String> anchors = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            anchors.add("<a href=\"" + Html.escape(links.get(i)) + "\">report" + (links.size() > 1 ? " " + (i + 1) : "")
                    + "</a>");
        }
        return String.join(", ", anchors);
    }

    private static String anchor(Verdict v) {
        return v.experiment().id().toLowerCase(Locale.ROOT);
    }

    private static PageSection section(ExperimentResult r) {
        Verdict v = r.verdict();
        StringBuilder html = new StringBuilder("<p><strong>Claim.</strong> ").append(Html.escape(v.experiment().claim()))
                .append("</p>\n<p><strong>Sweep.</strong> ");
        if (r.sweeps().isEmpty()) {
            html.append("none (the sweep did not run)");
        } else {
            List<String> anchors = new ArrayList<>();
            for (int i = 0; i < r.sweeps().size(); i++) {
                anchors.add("<a href=\"" + Html.escape(r.reportLinks().get(i)) + "\">" + Html.escape(r.sweeps().get(i))
                        + "</a>");
            }
            html.append(String.join(", ", anchors));
        }
        html.append("</p>\n");
        if (!r.settings().isEmpty()) {
            html.append("<pre class=\"scenario\">").append(Html.escape(r.settings().strip())).append("</pre>\n");
        }
        if (!v.measured().rows().isEmpty()) {
            HtmlTable measured = new HtmlTable("measured", v.measured().header());
            v.measured().rows().forEach(measured::row);
            html.append(measured.toHtml()).append('\n');
        }
        html.append("<ul class=\"findings\">");
        for (Criterion c : v.criteria()) {
            String css = switch (c.result()) {
                case MET -> "info";
                case NOT_MET -> "warning";
                case NO_DATA -> "note";
            };
            html.append("<li class=\"").append(css).append("\"><span class=\"severity\">")
                    .append(Html.escape(c.result().label())).append("</span> ").append(Html.escape(c.description()))
                    .append(": ").append(Html.escape(c.observed())).append("</li>");
        }
        html.append("</ul>\n");
        if (!v.unjudged().isEmpty()) {
            html.append("<p><strong>Not judged.</strong></p><ul>");
            v.unjudged().forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>"));
            html.append("</ul>\n");
        }
        if (!v.notes().isEmpty()) {
            html.append("<ul>");
            v.notes().forEach(n -> html.append("<li>").append(Html.escape(n)).append("</li>"));
            html.append("</ul>\n");
        }
        html.append("<p><strong>Verdict: ").append(Html.escape(v.support().label())).append(".</strong></p>");
        return new PageSection(anchor(v), v.experiment().id() + ": "
                + v.experiment().title() + " (" + v.support().label() + ")", List.of(PageSection.markup(html.toString())));
    }

    private static String property(String name, String value) {
        return "<tr><th scope=\"row\">" + Html.escape(name) + "</th><td>" + Html.escape(value) + "</td></tr>";
    }
}
