package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.results.Figures;
import org.tomcatpush.harness.client.results.RunResult;
import org.tomcatpush.harness.client.results.RunStatus;
import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.results.ResultFixtures;

/**
 * The CLI's summary table shows the report's headline figures, computed from the cells
 * summary.csv holds: per 1,000 sessions opened the server's connections, busy threads and
 * requests per minute, then latency and time to first message; aligned, three significant digits,
 * with the warning and threshold lines after it. (The fixture: 10 sessions per transport, 8 opened,
 * 100 requests each over 3.2 s.)
 */
class SummaryTableTest {

    @Test
    void singleTransportRowShowsTheFiguresPerThousandSessionsOpened() throws Exception {
        RunResult run = ResultFixtures.result("sse", RunStatus.COMPLETED);
        Map<String, String> cells = SummaryCsv.cells(run).get(0);
        double opened = Double.parseDouble(cells.get("sessions_opened"));

        List<String> sse = cellsOf(lines(run).get(1));

        assertEquals("sse", sse.get(0));
        assertEquals(cells.get("sessions_opened") + "/" + cells.get("sessions"), sse.get(1));
        assertEquals(Figures.display(Double.parseDouble(cells.get("server_connections_max")) / opened * 1000), sse.get(2));
        assertEquals(Figures.display(Double.parseDouble(cells.get("busy_threads_max")) / opened * 1000), sse.get(3));
        assertEquals(Figures.display(Double.parseDouble(cells.get("requests"))
                / Double.parseDouble(cells.get("measured_duration_s")) * 60 / opened * 1000), sse.get(4));
        assertEquals(Figures.display(Double.parseDouble(cells.get("latency_p50_ms"))), sse.get(5));
        assertEquals(Figures.display(Double.parseDouble(cells.get("latency_p99_ms"))), sse.get(6));
        assertEquals(Figures.display(Double.parseDouble(cells.get("first_message_p99_ms"))), sse.get(7));
        assertEquals(cells.get("messages_lost"), sse.get(8));
        // the fixture's figures, worked by hand: 12 connections and 4 busy threads of 8 sessions opened;
        // 100 requests / 3.2 s * 60 / 8 opened * 1000 = 234375 exactly
        assertEquals(List.of("sse", "8/10", "1500", "500", "234375", "1.5", "4", "3000", "1"), sse);
    }

    @Test
    void aMixShowsTheServersFiguresOnlyInTheAllRow() throws Exception {
        List<String> lines = lines(ResultFixtures.result("sse,ws", RunStatus.COMPLETED));

        assertEquals(List.of("sse", "8/10", "n/a", "n/a", "234375", "1.5", "4", "3000", "1"), cellsOf(lines.get(1)));
        assertEquals(List.of("ws", "8/10", "n/a", "n/a", "234375", "1.5", "4", "3000", "1"), cellsOf(lines.get(2)));
        // 12 connections and 4 busy threads of 16 sessions opened; 200 requests / 3.2 s * 60 / 16 * 1000
        assertEquals(List.of("all", "16/20", "750", "250", "234375", "1.5", "4", "3000", "2"), cellsOf(lines.get(3)));
        assertEquals("/1k: per 1,000 sessions opened; conns and busy threads are the server's, for all its traffic"
                + " (n/a in a row of a mix)", lines.get(4));
    }

    @Test
    void columnsAreAlignedUnderTheirHeadings() throws Exception {
        List<String> lines = lines(ResultFixtures.result("sse,ws", RunStatus.COMPLETED));
        String header = lines.get(0);

        assertEquals(List.of("transport", "sessions", "conns/1k", "busy max/1k", "req/min/1k", "p50 ms", "p99 ms",
                "first msg p99 ms", "lost"), List.of(header.split(" {2,}")));
        for (String row : lines.subList(1, 4)) {
            assertEquals(header.length(), row.length(), row);
            // every figure ends where its heading ends (right-aligned)
            for (String heading : SummaryTable.HEADER.subList(1, SummaryTable.HEADER.size())) {
                int end = header.indexOf(heading) + heading.length();
                assertTrue(row.charAt(end - 1) != ' ' && (end == row.length() || row.charAt(end) == ' '),
                        heading + " in " + row);
            }
        }
    }

    @Test
    void warningAndThresholdLinesFollowTheTable() throws Exception {
        List<String> lines = lines(ResultFixtures.result("sse", RunStatus.COMPLETED));

        // the report's warning finding, word for word
        assertEquals("warning: sse: 2 of 10 sessions never opened (no response, stream or upgrade): the delivery"
                + " figures leave them out; time to first message p99 3000 ms, those still waiting counted until the"
                + " end of the run", lines.get(3));
        assertEquals("results: runs/x", lines.get(lines.size() - 1));
    }

    private static List<String> lines(RunResult run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable.print(run, "runs/x", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> cellsOf(String line) {
        return List.of(line.trim().split(" +"));
    }
}
