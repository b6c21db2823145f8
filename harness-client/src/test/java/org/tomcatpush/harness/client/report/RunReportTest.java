package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run report page: sections, charts, findings, and that no value from a run can inject markup. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunReportTest {

    private static final String ATTACK = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";

    @TempDir
    Path tmp;

    private static List<String> chartIds(String html) throws Exception {
        int start = html.indexOf("<script id=\"report-data\" type=\"application/json\">");
        JsonNode data = new ObjectMapper().readTree(html.substring(html.indexOf('>', start) + 1,
                html.indexOf("</script>", start)));
        List<String> ids = new ArrayList<>();
        data.get("charts").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static int count(String html, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void mixedRunReportHasEverySectionInReadingOrderAndDrawsNineCharts() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));

        String html = Files.readString(RunReport.write(run));

        List<String> order = List.of("headline", "findings", "latency", "threads-connections", "over-time",
                "connections", "delivery", "figures", "configuration");
        int previous = -1;
        for (String section : order) {
            int at = html.indexOf("<section id=\"" + section + "\">");
            assertTrue(at > previous, section + " after the sections before it");
            previous = at;
        }
        assertEquals(List.of("latency", "threads", "connections", "throughput", "reconnects-over-time",
                "requests-per-connection", "closes", "reconnects", "delivery"), chartIds(html));
        assertTrue(html.contains("<p class=\"empty\"><b>p99 delivery latency per second</b>: no latency recorded per"
                + " second</p>"), "listed as one line of text");
        assertTrue(html.contains("<li class=\"warning\"><span class=\"severity\">warning</span> busy threads reached "
                + "maxThreads (8) for 19 s: requests queued (executor queue peaked at 4)</li>"));
        assertTrue(html.contains("sse: 3 messages lost"));
        assertTrue(html.contains("sse: 24 reconnects (18 stream ended, 6 connection lost)"));
    }

    @Test
    void writerLayoutRunDrawsResponseTimeAndServerSampleCharts() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run"));

        String html = Files.readString(RunReport.write(run));

        assertEquals(List.of("latency", "response-time", "latency-over-time", "threads", "connections",
                "server-samples", "throughput", "requests-per-connection", "closes"), chartIds(html));
        assertTrue(html.contains("<b>Reconnects by cause</b>: no reconnects</p>"));
        assertTrue(html.contains("<b>Lost and duplicated messages</b>: no message lost or duplicated</p>"));
        String configuration = html.substring(html.indexOf("<details class=\"configuration\">"));
        assertTrue(html.indexOf("<details class=\"configuration\">") > html.indexOf("<section id=\"figures\">"),
                "the configuration comes last, folded");
        assertFalse(html.contains("settings.maxThreads") || html.contains("config.maxThreads"), "no setting twice");
        assertEquals(1, count(configuration, "<th scope=\"row\">maxThreads</th>"), "maxThreads once");
        assertEquals(1, count(configuration, "<th scope=\"row\">maxKeepAliveRequests</th><td>10</td>"),
                "asked and reported agree: one value");
        assertTrue(html.contains("short-poll: every server close (100) at the keep-alive limit: 10 requests per "
                + "connection as configured"));
    }

    @Test
    void runNameFromTheFilesIsEscapedEverywhere() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        FixtureRuns.replace(run.resolve("run.json"), "\"name\": \"mixed\",\n  \"status\"",
                "\"name\": \"" + ATTACK.replace("/", "\\/") + "\",\n  \"status\"");
        FixtureRuns.replace(run.resolve("summary.csv"), "20260101-120000-mixed,sse,", "\"" + ATTACK + "\",sse,");
        FixtureRuns.replace(run.resolve("summary.csv"), ",ws,", ",\"ws" + ATTACK + "\",");

        String html = Files.readString(RunReport.write(run));

        assertFalse(html.contains("alert(1)</script>"), "no raw run value in the page");
        assertTrue(html.contains("<title>Run report: " + ESCAPED + "</title>"));
        assertTrue(html.contains("<h1>Run report: " + ESCAPED + "</h1>"));
        assertTrue(html.contains("<td>" + ESCAPED + "</td>"), "run.json values escaped");
        assertTrue(html.contains("ws" + ESCAPED + ": 2 errors"), "findings escaped");
        assertTrue(html.contains("ws\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), "chart data escaped");
        assertEquals(count(html, "<script"), count(html, "</script>"), "every script element closes where it should");
        assertEquals(4, count(html, "</script>"), "guard, Chart.js, data, runtime");
    }

    @Test
    void runFolderPathIsEscaped() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("a<b>&c"));

        String html = Files.readString(RunReport.write(run));

        assertTrue(html.contains("a&lt;b&gt;&amp;c"));
        assertFalse(html.contains("a<b>"));
    }
}
