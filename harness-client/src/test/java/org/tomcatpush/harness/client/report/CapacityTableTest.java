package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.results.Figures;

/**
 * The capacity table at the top of report.html: per 1,000 sessions held, the raw summary.csv
 * columns divided by sessions held (computed here again from the fixture's file), and findings
 * that quote a figure of the table quote it exactly as the table shows it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CapacityTableTest {

    /** Table columns after transport, in order. */
    private static final List<String> COLUMNS = List.of("sessions", "connections", "busy mean", "busy max",
            "requests/min", "heap", "rss", "bytes/message", "p50", "p99", "p99.9", "first message p99");

    @TempDir
    Path tmp;

    @Test
    void perThousandFiguresAreTheRawColumnsOverSessionsHeld() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run"));
        withSessionsOpened(run);
        Map<String, String> raw = summary(run).get(0);
        double held = number(raw, "sessions_opened");

        Map<String, String> row = capacityTable(Files.readString(RunReport.write(run))).get("short-poll");

        assertEquals("16 / 20", row.get("sessions"));
        assertEquals(Figures.display(number(raw, "server_connections_max") / held * 1000), row.get("connections"));
        assertEquals(Figures.display(number(raw, "busy_threads_mean") / held * 1000), row.get("busy mean"));
        assertEquals(Figures.display(number(raw, "busy_threads_max") / held * 1000), row.get("busy max"));
        assertEquals(Figures.display(number(raw, "requests") / number(raw, "measured_duration_s") * 60 / held * 1000),
                row.get("requests/min"));
        assertEquals(Figures.display(number(raw, "server_heap_mb_max") / held * 1000), row.get("heap"));
        assertEquals("n/a", row.get("rss"), "a memory column the file lacks is not available");
        assertEquals(Figures.display(number(raw, "bytes_per_message")), row.get("bytes/message"));
        assertEquals(Figures.display(number(raw, "latency_p50_ms")), row.get("p50"));
        assertEquals(Figures.display(number(raw, "latency_p99_ms")), row.get("p99"));
        assertEquals(Figures.display(number(raw, "latency_p999_ms")), row.get("p99.9"));
        assertEquals(Figures.display(number(raw, "first_message_p99_ms")), row.get("first message p99"));
        // by hand: 20 connections / 16 sessions; 1000 requests in 10.02 s; 40 MB heap / 16 sessions
        assertEquals(List.of("1250", "25", "188", "374000", "2500", "n/a", "312", "101", "199", "201", "4380"),
                List.copyOf(row.values()).subList(1, 12));
    }

    @Test
    void theCaptionSaysWhatTheFiguresAreDividedBy() throws Exception {
        Path opened = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("opened"));
        withSessionsOpened(opened);
        Path planned = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("planned"));

        assertTrue(Files.readString(RunReport.write(opened)).contains("each figure divided by sessions_opened"));
        assertTrue(Files.readString(RunReport.write(planned)).contains("each figure divided by sessions (planned:"
                + " this file has no sessions_opened)"));
    }

    @Test
    void aMixHasARowPerTransportAndTheAllRow() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));

        Map<String, Map<String, String>> table = capacityTable(Files.readString(RunReport.write(run)));

        assertEquals(List.of("sse", "ws", "all"), List.copyOf(table.keySet()));
        // the older file gives each row the server's peak: 12 connections of 12 sse and of 8 ws sessions,
        // 20 of the mix's 20
        assertEquals("1000", table.get("sse").get("connections"));
        assertEquals("1500", table.get("ws").get("connections"));
        assertEquals("1000", table.get("all").get("connections"));
    }

    @Test
    void findingsQuoteTheTablesFiguresAsTheTableShowsThem() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run"));
        withSessionsOpened(run);

        String html = Files.readString(RunReport.write(run));
        Map<String, String> row = capacityTable(html).get("short-poll");

        assertTrue(html.contains("short-poll: p99 latency " + row.get("p99") + " ms (p50 " + row.get("p50") + " ms,"),
                "latency finding");
        assertTrue(html.contains("short-poll: 1 request and " + row.get("bytes/message") + " bytes per delivered message"),
                "cost finding");
        assertTrue(html.contains("short-poll: 4 of 20 sessions never opened"), "16 / 20 opened in the table");
        assertTrue(html.contains("time to first message p99 " + row.get("first message p99") + " ms"),
                "sessions-opened finding");
        assertTrue(html.contains("<span>16 of 20 sessions opened</span>"), "the verdict");
    }

    @Test
    void aCompletedRunWithSessionsThatNeverOpenedIsNeverShownGreen() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run"));
        withSessionsOpened(run);

        String html = Files.readString(RunReport.write(run));

        assertTrue(html.contains("short-poll: 4 of 20 sessions never opened"), "the warning finding");
        assertTrue(html.contains("<div class=\"verdict warn\" id=\"verdict\"><span class=\"status\">completed</span>"),
                html.substring(html.indexOf("<div class=\"verdict"), html.indexOf("<div class=\"verdict") + 120));
    }

    @Test
    void theVerdictNamesStatusThresholdsAndWarningsAsTheFindingsDo() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run"));
        FixtureRuns.replace(run.resolve("run.json"), "\"status\": \"completed\",",
                "\"status\": \"thresholds-breached\", \"thresholds\": [\"latency_p99_ms<100\", \"errors==0\"],"
                        + " \"thresholdOutcomes\": [{\"threshold\": \"latency_p99_ms<100\", \"row\": \"short-poll\","
                        + " \"observed\": 198.5, \"breached\": true}, {\"threshold\": \"errors==0\", \"row\": \"short-poll\","
                        + " \"observed\": 0, \"breached\": false}],");
        FixtureRuns.replace(run.resolve("summary.csv"), ",completed,", ",thresholds-breached,");

        String html = Files.readString(RunReport.write(run));
        String verdict = html.substring(html.indexOf("<div class=\"verdict"), html.indexOf("</div>",
                html.indexOf("<div class=\"verdict")));

        assertTrue(verdict.startsWith("<div class=\"verdict bad\" id=\"verdict\"><span class=\"status\">"
                + "thresholds-breached</span><span>20 sessions planned</span>"), verdict);
        assertTrue(verdict.contains("<span>thresholds: 1 passed, 1 breached</span>"), verdict);
        assertTrue(verdict.contains("breached: short-poll latency_p99_ms&lt;100 (was 198.5)"), verdict);
        assertTrue(html.contains("threshold breached: short-poll latency_p99_ms&lt;100 (was 198.5)"),
                "the finding quotes the same figure");
        assertTrue(verdict.endsWith("<span>1 warning (see Findings)</span>"), verdict);
        assertTrue(html.indexOf("id=\"verdict\"") < html.indexOf("id=\"capacity\"")
                && html.indexOf("id=\"capacity\"") < html.indexOf("<section id=\"findings\">"), "verdict, table, findings");
    }

    /** Adds sessions_opened 16 (4 never opened), a first-message p99 and a heap peak to the poll fixture. */
    private static void withSessionsOpened(Path run) throws Exception {
        Path csv = run.resolve("summary.csv");
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, List.of(lines.get(0) + ",sessions_opened,sessions_never_opened,first_message_p99_ms,"
                + "server_heap_mb_max", lines.get(1) + ",16,4,4375.5,40"));
    }

    private static List<Map<String, String>> summary(Path run) throws Exception {
        try (Reader in = Files.newBufferedReader(run.resolve("summary.csv"))) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(r.toMap());
            }
            return rows;
        }
    }

    private static double number(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /** The capacity table's body: transport to (column to cell text), in page order. */
    static Map<String, Map<String, String>> capacityTable(String html) {
        int start = html.indexOf("<table class=\"figures capacity\" id=\"capacity\">");
        assertTrue(start >= 0, "the page has the capacity table");
        String body = html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        Matcher tr = Pattern.compile("<tr><th scope=\"row\">([^<]*)</th>(.*?)</tr>").matcher(body);
        while (tr.find()) {
            Matcher td = Pattern.compile("<td>([^<]*)</td>").matcher(tr.group(2));
            Map<String, String> cells = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                assertTrue(td.find(), "a cell for " + column);
                cells.put(column, td.group(1));
            }
            table.put(tr.group(1), cells);
        }
        return table;
    }
}
