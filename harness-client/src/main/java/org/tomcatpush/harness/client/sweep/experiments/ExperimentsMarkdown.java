package org.tomcatpush.harness.client.sweep.experiments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes the experiments summary as Markdown ({@code experiments.md}): where and how it was run,
 * one line per experiment with its claim, verdict, the figure that decided it
 * ({@link DecidingFigure}) and its sweep report, then per experiment the claim, the settings, the
 * measured figures, each criterion with what was observed, the parts of the claim not judged, and
 * notes. Stateless.
 */
public final class ExperimentsMarkdown {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ExperimentsMarkdown() {
    }

    public static String render(SummaryContext context, List<ExperimentResult> results) {
        StringBuilder md = new StringBuilder("# Experiments: claims and what the harness measured\n\n");
        md.append("- command: `").append(context.command()).append("`\n");
        md.append("- date: ").append(WHEN.format(context.writtenAt())).append('\n');
        md.append("- machine: ").append(context.machine()).append('\n');
        context.wallTime().ifPresent(t -> md.append("- wall time: ").append(t).append('\n'));
        md.append('\n');
        md.append("A claim the measurement contradicts is reported as *not supported* with the numbers: a finding,"
                + " not a failure of the harness. *Inconclusive* means runs or figures the criteria need are missing"
                + " (never read as 0). *Partly judged* means every criterion judged was met but part of the claim"
                + " has none: the experiment says which part.\n\n");
        md.append("| id | claim | verdict | the figure that decided it | sweep report |\n|---|---|---|---|---|\n");
        for (ExperimentResult r : results) {
            Verdict v = r.verdict();
            DecidingFigure deciding = DecidingFigure.of(v);
            md.append("| ").append(v.experiment().id()).append(" | ").append(cell(v.experiment().title()))
                    .append(" | **").append(v.support().label()).append("** | *").append(cell(deciding.basis()))
                    .append(":* ").append(cell(deciding.figures()));
            if (!deciding.notJudged().isEmpty()) {
                md.append("; *not judged:* ").append(cell(String.join("; ", deciding.notJudged())));
            }
            List<String> links = r.reportLinks();
            md.append(" | ").append(links.isEmpty() ? "not run" : IntStream.range(0, links.size())
                    .mapToObj(i -> "[report" + (links.size() > 1 ? " " + (i + 1) : "") + "](" + links.get(i) + ")")
                    .collect(Collectors.joining(", "))).append(" |\n");
        }
        for (ExperimentResult r : results) {
            Verdict v = r.verdict();
            md.append("\n## ").append(v.experiment().id()).append(": ").append(v.experiment().title())
                    .append(" (").append(v.support().label()).append(")\n\n");
            md.append("**Claim.** ").append(v.experiment().claim()).append("\n\n");
            md.append(r.sweeps().size() > 1 ? "**Sweeps.** " : "**Sweep.** ").append(r.sweeps().isEmpty()
                    ? "none (the sweep did not run)" : r.sweeps().stream().map(s -> "`" + s + "`")
                            .collect(Collectors.joining(", ")) + (r.sweeps().size() > 1
                                    ? " (each `report.html` charts its runs)" : " (its `report.html` charts every run)"))
                    .append("\n\n");
            if (!r.settings().isEmpty()) {
                md.append("**Settings.**\n\n```yaml\n").append(r.settings().strip()).append("\n```\n\n");
            }
            md.append("**Measured.**\n\n").append(table(v.measured())).append('\n');
            md.append("**Criteria.**\n\n");
            for (Criterion c : v.criteria()) {
                md.append("- ").append(mark(c)).append(' ').append(c.description()).append(": ")
                        .append(c.observed()).append('\n');
            }
            if (!v.unjudged().isEmpty()) {
                md.append("\n**Not judged.**\n\n");
                v.unjudged().forEach(n -> md.append("- ").append(n).append('\n'));
            }
            if (!v.notes().isEmpty()) {
                md.append("\n**Notes.**\n\n");
                v.notes().forEach(n -> md.append("- ").append(n).append('\n'));
            }
            md.append("\n**Verdict: ").append(v.support().label()).append(".**\n");
        }
        return md.toString();
    }

    private static String mark(Criterion c) {
        return switch (c.result()) {
            case MET -> "[met]";
            case NOT_MET -> "[NOT met]";
            case NO_DATA -> "[no data]";
        };
    }

    private static String table(MeasuredTable t) {
        if (t.rows().isEmpty()) {
            return "(no completed run of this kind)\n";
        }
        StringBuilder md = new StringBuilder("| ").append(String.join(" | ", t.header().stream()
                .map(ExperimentsMarkdown::cell).toList())).append(" |\n|");
        t.header().forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<String> row : t.rows()) {
            md.append("| ").append(String.join(" | ", row.stream().map(ExperimentsMarkdown::cell).toList()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
