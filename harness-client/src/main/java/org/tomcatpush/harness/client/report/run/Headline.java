package org.tomcatpush.harness.client.report.run;

import java.util.ArrayList;
import java.util.List;

import org.tomcatpush.harness.client.report.findings.Finding;
import org.tomcatpush.harness.client.report.findings.Severity;
import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.CapacityFigures;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.thresholds.RunThresholds;
import org.tomcatpush.harness.client.thresholds.ThresholdOutcome;

/**
 * The top of the run report, what a capacity planner reads without scrolling: the verdict (status,
 * threshold outcomes, warning count, sessions opened of planned) and the capacity table, one row
 * per transport (and {@code all} for a mix) with what 1,000 held sessions cost. Every figure comes
 * from {@link CapacityFigures}, the one place they are computed. Stateless.
 */
final class Headline {

    /** Breached thresholds named in the verdict line before it says "and N more". */
    private static final int BREACHES_NAMED = 3;

    private Headline() {
    }

    /** The verdict line of {@code run}, counting the warnings among {@code findings}. */
    static String verdict(RunData run, List<Finding> findings, RunThresholds thresholds) {
        String status = run.status().orElse("unknown");
        boolean breached = !thresholds.breaches().isEmpty() || !thresholds.problems().isEmpty();
        boolean completed = !breached && (RunStatus.COMPLETED.label().equals(status) || "ok".equals(status));
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        // a completed run with warnings (sessions that never opened, nothing delivered, saturation)
        // did not simply do what was asked: it is never shown green
        String look = !completed ? "bad" : warnings > 0 ? "warn" : "good";
        StringBuilder out = new StringBuilder("<div class=\"verdict ").append(look)
                .append("\" id=\"verdict\"><span class=\"status\">").append(Html.escape(status)).append("</span>");
        out.append("<span>").append(Html.escape(sessions(CapacityFigures.of(run.runRow().cells())))).append("</span>");
        if (!thresholds.isEmpty()) {
            out.append("<span>").append(Html.escape(thresholdCounts(thresholds))).append("</span>");
            List<ThresholdOutcome> breaches = thresholds.breaches();
            for (int i = 0; i < Math.min(BREACHES_NAMED, breaches.size()); i++) {
                ThresholdOutcome o = breaches.get(i);
                out.append("<span class=\"breached\">breached: ").append(Html.escape(o.describe())).append("</span>");
            }
            if (breaches.size() > BREACHES_NAMED) {
                out.append("<span class=\"breached\">and ").append(breaches.size() - BREACHES_NAMED)
                        .append(" more (see below)</span>");
            }
        }
        out.append("<span>").append(warnings == 0 ? "no warnings" : Figures.display(warnings, "warning", "warnings")
                + " (see Findings)").append("</span>");
        return out.append("</div>").toString();
    }

    /** {@code 16 of 20 sessions opened}, or the planned sessions alone in files without the opened count. */
    static String sessions(CapacityFigures f) {
        if (Double.isNaN(f.sessionsOpened())) {
            return Figures.display(f.sessionsPlanned(), "session", "sessions") + " planned";
        }
        return Figures.display(f.sessionsOpened()) + " of " + Figures.display(f.sessionsPlanned(), "session",
                "sessions") + " opened";
    }

    private static String thresholdCounts(RunThresholds thresholds) {
        if (!thresholds.recorded()) {
            return "thresholds: not recorded";
        }
        long passed = thresholds.outcomes().stream().filter(o -> !o.breached()).count();
        String counts = "thresholds: " + passed + " passed, " + thresholds.breaches().size() + " breached";
        return thresholds.problems().isEmpty() ? counts : counts + ", " + thresholds.problems().size() + " not judged";
    }

    /** The capacity table: one row per transport, then the {@code all} row of a mix. */
    static String capacityTable(RunData run) {
        List<SummaryRow> rows = new ArrayList<>(run.transportRows());
        if (!rows.contains(run.runRow())) {
            rows.add(run.runRow());
        }
        StringBuilder out = new StringBuilder("<table class=\"figures capacity\" id=\"capacity\">");
        out.append("<caption>").append(Html.escape(caption(run, rows))).append("</caption>");
        out.append("<thead><tr><th scope=\"col\" rowspan=\"2\">transport</th>")
                .append("<th scope=\"col\" rowspan=\"2\">sessions opened / planned</th>")
                .append("<th scope=\"colgroup\" colspan=\"6\">per 1,000 sessions held</th>")
                .append("<th scope=\"col\" rowspan=\"2\">bytes per delivered message (B)</th>")
                .append("<th scope=\"colgroup\" colspan=\"4\">latency (ms)</th></tr><tr>");
        for (String h : List.of("TCP connections", "busy threads (mean)", "busy threads (max)", "requests per minute",
                "server heap (MB)", "server RSS (MB)", "delivery p50", "delivery p99", "delivery p99.9",
                "first message p99")) {
            out.append("<th scope=\"col\">").append(Html.escape(h)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (SummaryRow row : rows) {
            CapacityFigures f = CapacityFigures.of(row.cells());
            out.append("<tr><th scope=\"row\">").append(Html.escape(row.transport())).append("</th>");
            cell(out, Figures.display(f.sessionsOpened()) + " / " + Figures.display(f.sessionsPlanned()));
            for (double v : new double[] {f.connectionsPer1k(), f.busyThreadsMeanPer1k(), f.busyThreadsMaxPer1k(),
                    f.requestsPerMinutePer1k(), f.heapMbPer1k(), f.rssMbPer1k(), f.bytesPerMessage(),
                    f.latencyP50Ms(), f.latencyP99Ms(), f.latencyP999Ms(), f.firstMessageP99Ms()}) {
                cell(out, Figures.display(v));
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** Says what the rows are divided by, whose connections they count, and what "n/a" means. */
    static String caption(RunData run, List<SummaryRow> rows) {
        boolean byOpened = rows.stream().allMatch(r -> CapacityFigures.of(r.cells()).heldColumn()
                .equals(CapacityFigures.SESSIONS_OPENED));
        StringBuilder text = new StringBuilder("Per 1,000 sessions held: each figure divided by ")
                .append(byOpened ? "sessions_opened (sessions that ever opened; those that never did hold nothing)"
                        : "sessions (planned: this file has no sessions_opened)")
                .append(", times 1,000. TCP connections are the server connector's peak (server_connections_max)");
        boolean mixed = run.rows().stream().anyMatch(SummaryRow::isAllTransports);
        if (mixed) {
            text.append("; the server counts connections and threads for all transports together, so a row of a mix"
                    + " without them shows n/a and the all row has them");
        }
        text.append(". Requests per minute: requests / ")
                .append(run.runRow().number(SummaryColumns.MEASURED_DURATION_S).isPresent() ? "measured_duration_s"
                        : "duration_s")
                .append(" × 60.");
        boolean memory = rows.stream().anyMatch(r -> r.number(CapacityFigures.SERVER_HEAP_MB_MAX).isPresent()
                || r.number(CapacityFigures.SERVER_RSS_MB_MAX).isPresent());
        text.append(memory ? " Server heap and RSS are the peaks, the idle server's baseline included."
                : " Server heap and RSS: n/a, this run's summary.csv has no server memory columns.");
        return text.toString();
    }

    private static void cell(StringBuilder out, String text) {
        out.append("<td>").append(Html.escape(text)).append("</td>");
    }
}
