package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.tomcatpush.harness.client.accounting.CloseCause;
import org.tomcatpush.harness.client.serverstats.ServerStats;

/** The client-minus-server figures of a summary row, and the server-other closes the server explained. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportResultTest {

    @Test
    void unexplainedServerClosesAreTheClientsServerOtherMinusWhatTheServerExplained() throws Exception {
        // 22 slow consumers and 1 error explain 23 of 25; write failures explain none (the client closed first)
        TransportResult row = row(25, stats("\"keepAliveLimit\": 4, \"closingResponse\": 0, \"streamEnd\": 0,"
                + " \"slowConsumer\": 22, \"writeFailure\": 9, \"error\": 1, \"total\": 36"));
        assertEquals(2L, row.closesServerUnexplained());
    }

    @Test
    void unexplainedNeverGoesBelowZero() throws Exception {
        TransportResult row = row(1, stats("\"keepAliveLimit\": 0, \"closingResponse\": 3, \"streamEnd\": 2,"
                + " \"slowConsumer\": 0, \"writeFailure\": 0, \"error\": 0, \"total\": 5"));
        assertEquals(0L, row.closesServerUnexplained());
    }

    @Test
    void unknownWhenTheServerGaveNoClosesOrTheRowIsNotServerWide() throws Exception {
        assertNull(row(3, ServerStats.from(new ObjectMapper().readTree("{}"))).closesServerUnexplained());
        TransportResult perTransport = new TransportResult("sse", 1, 1, counts(3), LatencySummary.EMPTY,
                LatencySummary.EMPTY, LatencySummary.EMPTY, 1, null, LatencySummary.EMPTY,
                LatencySummary.EMPTY);
        assertNull(perTransport.closesServerUnexplained());
    }

    private static ServerStats stats(String closes) throws Exception {
        return ServerStats.from(new ObjectMapper().readTree("{\"serverCloses\": {" + closes + "}}"));
    }

    private static TransportResult row(long serverOther, ServerStats stats) {
        return new TransportResult("sse", 1, 1, counts(serverOther), LatencySummary.EMPTY, LatencySummary.EMPTY,
                LatencySummary.EMPTY, 1, stats, LatencySummary.EMPTY, LatencySummary.EMPTY);
    }

    private static ClientCounts counts(long serverOther) {
        return new ClientCounts(10, 10, 1, Map.of(CloseCause.SERVER_OTHER, serverOther), Map.of(), Map.of(), 0, 0, 0,
                0, 0, 0);
    }
}
