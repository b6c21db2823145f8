package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.report.SummaryTable;

/**
 * How sessions that never opened, the time to first message and stream ends reach summary.csv and
 * the CLI table (the fixture: 10 sessions per transport, 8 opened, 2 censored, first message p99 3 s).
 */
class SessionsOpenedFiguresTest {

    @Test
    void summaryHasOpenedNeverOpenedRatioFirstMessageAndStreamEnds() throws Exception {
        CSVRecord sse = summary(ResultFixtures.result("sse", RunStatus.COMPLETED)).get(0);

        assertEquals("8", sse.get("sessions_opened"));
        assertEquals("2", sse.get("sessions_never_opened"));
        assertEquals("0.8", sse.get("sessions_opened_ratio"));
        assertEquals("40", sse.get("first_message_p50_ms"));
        assertEquals("3000", sse.get("first_message_p99_ms"));
        assertEquals("3000", sse.get("first_message_max_ms"));
        assertEquals("2", sse.get("first_message_censored"));
        assertEquals("3", sse.get("streams_ended"));
    }

    @Test
    void theAllRowSumsTheTransports() throws Exception {
        List<CSVRecord> rows = summary(ResultFixtures.result("sse,ws", RunStatus.COMPLETED));
        CSVRecord all = rows.get(2);

        assertEquals("all", all.get("transport"));
        assertEquals("16", all.get("sessions_opened"));
        assertEquals("4", all.get("sessions_never_opened"));
        assertEquals("0.8", all.get("sessions_opened_ratio"));
        assertEquals("4", all.get("first_message_censored"));
        assertEquals("6", all.get("streams_ended"));
    }

    @Test
    void theRatioIsOneOnlyWhenEverySessionOpened() {
        assertEquals(0.999, withOpened(10_000, 9_999).sessionsOpenedRatio());
        assertEquals(1.0, withOpened(10_000, 10_000).sessionsOpenedRatio());
        assertEquals(0.29, withOpened(100, 29).sessionsOpenedRatio());
        assertEquals(Double.NaN, withOpened(0, 0).sessionsOpenedRatio());
    }

    @Test
    void theTableShowsOpenedOverPlannedAndWarnsPerTransport() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable.print(ResultFixtures.result("sse,ws", RunStatus.COMPLETED), "runs/x",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        assertTrue(lines.get(1).startsWith("sse ") && lines.get(1).contains(" 8/10 "), lines.get(1));
        assertTrue(lines.get(3).startsWith("all ") && lines.get(3).contains(" 16/20 "), lines.get(3));
        String neverOpened = " sessions never opened (no response, stream or upgrade): the delivery figures leave"
                + " them out; time to first message p99 3000 ms, those still waiting counted until the end of the run";
        assertEquals(List.of("warning: sse: 2 of 10" + neverOpened, "warning: ws: 2 of 10" + neverOpened,
                "warning: sse: 1 message lost", "warning: ws: 1 message lost"),
                lines.stream().filter(l -> l.startsWith("warning:")).toList());
    }

    @Test
    void theTableWarnsWhenATransportReceivedNothingWhileTheServerPublished() throws Exception {
        RunResult fixture = ResultFixtures.result("sse", RunStatus.COMPLETED);
        TransportResult sse = fixture.transports().get(0);
        ClientCounts c = sse.client();
        ClientCounts nothing = new ClientCounts(c.requests(), c.connectionsOpened(), c.requestsPerConnectionMax(),
                c.closes(), c.reconnects(), c.connectFailures(), 0, 0, 0, c.bytesReceived(), c.bytesSent(), c.errors(),
                10, 0, 10, 0, 0, 0, 0);
        TransportResult silent = new TransportResult("sse", 10, 10, nothing, LatencySummary.EMPTY,
                LatencySummary.EMPTY, LatencySummary.EMPTY, sse.serverRequests(), sse.serverWide(), sse.firstMessage(),
                LatencySummary.EMPTY);
        RunResult run = new RunResult(fixture.runId(), fixture.status(), fixture.failure(), fixture.setup(),
                fixture.environment(), fixture.startedAt(), fixture.endedAt(), List.of(silent), null,
                fixture.finalServerStats(), fixture.timeseries(), fixture.serverSamples(), fixture.statsFailures());
        long published = fixture.finalServerStats().messagesPublished();
        assertTrue(published > 0, "the fixture's server published");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable.print(run, null, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals(List.of("warning: sse: no message delivered, although the server published " + published),
                bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("warning:")).toList());
    }

    private static TransportResult withOpened(int sessions, long opened) {
        ClientCounts counts = new ClientCounts(0, 0, 0, Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, opened, 0, 0,
                0, 0, 0, 0);
        return new TransportResult("sse", sessions, opened, counts, LatencySummary.EMPTY, LatencySummary.EMPTY,
                LatencySummary.EMPTY, -1, null, LatencySummary.EMPTY, LatencySummary.EMPTY);
    }

    private static List<CSVRecord> summary(RunResult result) throws Exception {
        StringWriter text = new StringWriter();
        SummaryCsv.write(result, text);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new StringReader(text.toString())).getRecords();
    }
}
