package org.tomcatpush.harness.client.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code compare.md}: the comparison as markdown, for CI job summaries and pull requests. The
 * failures come first, then one table per run (metric, baseline, current, change, limit,
 * verdict), the unmatched runs, notes and warnings. Stateless.
 */
public final class MarkdownReport {

    /** The file name in the output folder. */
    public static final String FILE_NAME = "compare.md";

    private MarkdownReport() {
    }

    /** The whole document. */
    public static String render(CompareResult result) {
        StringBuilder md = new StringBuilder();
        md.append("# harness compare\n\n");
        md.append("**").append(escape(ConsoleReport.verdictLine(result).replaceFirst("^compare: ", ""))).append("**\n\n");
        md.append("- baseline: ").append(code(result.baselineLabel())).append('\n');
        md.append("- current: ").append(code(result.currentLabel())).append('\n');
        md.append("- tolerances: ").append(escape(result.toleranceSource())).append('\n');
        md.append("- matched on: ").append(escape(String.join(", ", result.matching().keyColumns()))).append("\n\n");
        if (result.regressed()) {
            md.append("## Failures\n\n");
            for (RunComparison run : result.runs()) {
                if (run.statusProblem() != null) {
                    md.append("- ").append(code(run.label())).append(": ").append(escape(run.statusProblem())).append('\n');
                }
                for (MetricResult m : run.metrics()) {
                    if (m.verdict().failure()) {
                        md.append("- ").append(code(run.label())).append(": ").append(escape(MetricText.explain(m)))
                                .append('\n');
                    }
                }
            }
            if (!result.allowMissing()) {
                for (RunMatcher.Unmatched u : result.matching().onlyBaseline()) {
                    md.append("- ").append(code(result.label(u))).append(": in the baseline, missing from the current"
                            + " input\n");
                }
            }
            md.append('\n');
        }
        for (RunComparison run : result.runs()) {
            md.append("## ").append(code(run.label())).append(": ").append(ConsoleReport.summary(run)).append("\n\n");
            md.append(escape(run.key().describe())).append("\n\n");
            md.append("| metric | baseline | current | change | limit | verdict |\n");
            md.append("|---|---:|---:|---:|---|---|\n");
            for (MetricResult m : run.metrics()) {
                String verdict = m.verdict().failure() ? "**" + m.verdict().label() + "**" : m.verdict().label();
                md.append("| ").append(code(m.metric())).append(" | ").append(MetricText.figure(m.baseline()))
                        .append(" | ").append(MetricText.figure(m.current()))
                        .append(" | ").append(escape(MetricText.change(m)))
                        .append(" | ").append(escape(MetricText.limit(m))).append(" | ").append(verdict).append(" |\n");
            }
            md.append('\n');
        }
        list(md, "Unmatched runs", unmatched(result));
        list(md, "Notes", result.notes());
        list(md, "Warnings", result.warnings());
        return md.toString();
    }

    private static List<String> unmatched(CompareResult result) {
        List<String> lines = new ArrayList<>();
        result.matching().onlyBaseline().forEach(u -> lines.add("baseline run " + result.label(u)
                + " has no current run" + (result.allowMissing() ? " (allowed)" : ": failure")));
        result.matching().onlyCurrent().forEach(u -> lines.add("current run " + result.label(u)
                + " has no baseline run: not compared"));
        return lines;
    }

    private static void list(StringBuilder md, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        lines.forEach(line -> md.append("- ").append(escape(line)).append('\n'));
        md.append('\n');
    }

    /** Text that cannot break a table or start markup. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;").replace(">", "&gt;").replace("`", "\\`").replace("\n", " ");
    }

    /** A name in code format, with backticks inside doubled away. */
    static String code(String text) {
        String safe = text.replace("`", "'").replace("|", "\\|").replace("\n", " ");
        return "`" + safe + "`";
    }
}
