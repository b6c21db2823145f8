package org.tomcatpush.harness.client.report.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.report.html.Html;
import org.tomcatpush.harness.client.report.html.HtmlTable;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.RunInfo;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.results.Figures;

/**
 * The configuration of a run, shown once and folded in a {@code <details>} element at the end of
 * the report. {@code run.json} records the server's settings twice, as the client asked for them
 * ({@code settings.*}) and as the server reported them ({@code config.*}): each setting is one
 * row, with the server's value beside it only where the two differ. Without {@code run.json}
 * the settings come from {@code summary.csv}. Stateless.
 */
final class ConfigurationTable {

    /** What the client asked for. */
    static final String ASKED = "settings.";
    /** What the server reported. */
    static final String REPORTED = "config.";

    /** Server settings from {@code summary.csv}, for run folders whose {@code run.json} lacks them. */
    private static final List<RunPage.Labelled> SETTINGS = List.of(
            RunPage.core(SummaryColumns.PROTOCOL, "protocol"),
            RunPage.core(SummaryColumns.HANDLER, "handler"),
            RunPage.optional(SummaryColumns.API, "api"),
            RunPage.core(SummaryColumns.SESSIONS, "sessions"),
            RunPage.core(SummaryColumns.DURATION_S, "duration (s)"),
            RunPage.core(SummaryColumns.MAX_THREADS, "maxThreads"),
            RunPage.core(SummaryColumns.MAX_CONNECTIONS, "maxConnections"),
            RunPage.core(SummaryColumns.ACCEPT_COUNT, "acceptCount"),
            RunPage.core(SummaryColumns.KEEP_ALIVE_TIMEOUT_MS, "keepAliveTimeout (ms)"),
            RunPage.core(SummaryColumns.MAX_KEEP_ALIVE_REQUESTS, "maxKeepAliveRequests"),
            RunPage.optional(SummaryColumns.VIRTUAL_THREADS, "virtual threads"),
            RunPage.optional(SummaryColumns.BUSY_METRIC, "busy threads counted as"),
            RunPage.optional(SummaryColumns.PUBLISH_RATE, "publish rate (messages/s)"),
            RunPage.optional(SummaryColumns.PAYLOAD_BYTES, "payload (bytes)"),
            RunPage.optional(SummaryColumns.SSE_TIMEOUT_MS, "sse timeout (ms)"),
            RunPage.optional(SummaryColumns.POLL_INTERVAL_MS, "poll interval (ms)"),
            RunPage.optional(SummaryColumns.BROWSER, "browser emulation"));

    private ConfigurationTable() {
    }

    /** The folded configuration of {@code run}. */
    static String folded(RunData run) {
        StringBuilder out = new StringBuilder("<details class=\"configuration\"><summary>Scenario, server settings"
                + " and environment (run.json)</summary><div class=\"info-grid\">");
        boolean settingsInRunJson = run.info().sections().stream().flatMap(s -> s.properties().stream())
                .anyMatch(p -> p.key().startsWith(ASKED) || p.key().startsWith(REPORTED));
        if (!settingsInRunJson) {
            out.append("<div><h3>Server settings (summary.csv)</h3>").append(summarySettings(run)).append("</div>");
        }
        for (RunInfo.Section section : run.info().sections()) {
            HtmlTable table = new HtmlTable("properties", List.of());
            merged(section.properties()).forEach((key, value) -> table.row(List.of(key, value)));
            out.append("<div><h3>").append(Html.escape(section.title())).append("</h3>").append(table.toHtml())
                    .append("</div>");
        }
        return out.append("</div></details>").toString();
    }

    /**
     * The properties with each {@code settings.K} / {@code config.K} pair as one row {@code K}: the
     * asked value, and the reported one beside it when it differs; a setting only one side has is
     * shown under its plain name. Other properties stay as they are, in order.
     */
    static Map<String, String> merged(List<RunInfo.Property> properties) {
        Map<String, String> asked = new LinkedHashMap<>();
        Map<String, String> reported = new LinkedHashMap<>();
        for (RunInfo.Property p : properties) {
            if (p.key().startsWith(ASKED)) {
                asked.put(p.key().substring(ASKED.length()), p.value());
            } else if (p.key().startsWith(REPORTED)) {
                reported.put(p.key().substring(REPORTED.length()), p.value());
            }
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (RunInfo.Property p : properties) {
            if (p.key().startsWith(ASKED)) {
                String key = p.key().substring(ASKED.length());
                String server = reported.get(key);
                boolean differs = server != null && !RunInfo.NULL.equals(server) && !server.equals(p.value());
                rows.put(key, differs ? p.value() + " (the server reported " + server + ")" : p.value());
            } else if (p.key().startsWith(REPORTED)) {
                String key = p.key().substring(REPORTED.length());
                if (!asked.containsKey(key)) {
                    rows.put(key, p.value());
                }
            } else {
                rows.put(p.key(), p.value());
            }
        }
        return rows;
    }

    private static String summarySettings(RunData run) {
        HtmlTable settings = new HtmlTable("properties", List.of());
        SummaryRow row = run.runRow();
        List<String> transports = new ArrayList<>();
        run.transportRows().forEach(r -> transports.add(r.transport()));
        settings.row(List.of("transports", String.join(", ", transports)));
        for (RunPage.Labelled setting : SETTINGS) {
            if (setting.shownFor(List.of(row))) {
                settings.row(List.of(setting.label(), row.text(setting.column()).orElse(Figures.NOT_AVAILABLE)));
            }
        }
        return settings.toHtml();
    }
}
