package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.accounting.ConnectFailureKind;
import org.tomcatpush.harness.client.accounting.FirstResponseHeaders;
import org.tomcatpush.harness.client.accounting.ReconnectCause;
import org.tomcatpush.harness.client.report.model.SummaryRow;

/**
 * The count columns read back from summary.csv and written again are the cells SummaryCsv wrote,
 * and the counts of a mixed run's transport rows, read back and summed, are its {@code all} row:
 * the one sum a merge of agents' rows uses.
 */
class ClientCountsCellsTest {

    @Test
    void theCellsAreTheOnesSummaryCsvWritesForEveryRow() throws Exception {
        RunResult result = ResultFixtures.result("sse,short-poll", RunStatus.COMPLETED);
        List<Map<String, String>> written = SummaryCsv.cells(result);
        List<TransportResult> rows = result.summaryRows();
        assertEquals(3, rows.size(), "two transports and all");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(countColumns(written.get(i)), ClientCountsCells.cells(rows.get(i).client()),
                    rows.get(i).name());
        }
    }

    @Test
    void theTransportRowsReadBackAndSummedAreTheAllRow() throws Exception {
        List<Map<String, String>> written = SummaryCsv.cells(ResultFixtures.result("sse,short-poll",
                RunStatus.COMPLETED));
        ClientCounts sum = ClientCounts.sum(List.of(ClientCountsCells.read(new SummaryRow(written.get(0))),
                ClientCountsCells.read(new SummaryRow(written.get(1)))));
        assertEquals("all", written.get(2).get("transport"));
        assertEquals(countColumns(written.get(2)), ClientCountsCells.cells(sum));
    }

    @Test
    void everyCountSurvivesTheRoundTripThroughItsCells() {
        ClientCounts counts = new ClientCounts(101, 11, 9, Map.of(CloseCause.KEEPALIVE_LIMIT, 2L,
                CloseCause.IDLE_TIMEOUT, 3L, CloseCause.SERVER_OTHER, 4L, CloseCause.CLIENT, 5L, CloseCause.ERROR, 6L,
                CloseCause.STALE_CONNECTION, 7L), Map.of(ReconnectCause.STREAM_ENDED, 8L,
                ReconnectCause.CONNECTION_LOST, 9L, ReconnectCause.ERROR, 10L, ReconnectCause.SEQUENCE_RESET, 11L),
                Map.of(ConnectFailureKind.REFUSED, 12L, ConnectFailureKind.TIMEOUT, 13L, ConnectFailureKind.OTHER, 14L),
                500, -1, -1, 50_000, 8_000, 15, 16, 17, 18, 19, 20, 21, 22, 23, 1_234, 56_789,
                new FirstResponseHeaders(30, 29, 29, 20, 20, 28, 27, 0));
        Map<String, String> cells = ClientCountsCells.cells(counts);
        assertEquals("", cells.get("messages_lost"), "unknown stays unknown");
        assertEquals("1.234", cells.get("browser_queue_wait_min_ms"));
        assertEquals("20", cells.get("keep_alive_header_timeout_s"));
        assertEquals("38", cells.get("reconnects"), "8 + 9 + 10 + 11, the total of the causes");
        assertEquals(cells, ClientCountsCells.cells(ClientCountsCells.read(new SummaryRow(cells))));
        assertEquals(counts, ClientCountsCells.read(new SummaryRow(cells)));
    }

    private static Map<String, String> countColumns(Map<String, String> row) {
        Map<String, String> counts = new LinkedHashMap<>(row);
        counts.keySet().retainAll(ClientCountsCells.COLUMNS);
        assertEquals(ClientCountsCells.COLUMNS, counts.keySet(), "summary.csv has every count column");
        return counts;
    }
}
