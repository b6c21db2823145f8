package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tomcatpush.harness.client.accounting.FirstResponseHeaders;

/** The {@code all} row of a mix: sessions queued for a browser's connection add up, their waits keep their extremes. */
class ClientCountsBrowserQueueTest {

    private static ClientCounts queued(long sessions, long waitMinMicros, long waitMaxMicros) {
        return new ClientCounts(0, 0, 0, Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                sessions, waitMinMicros, waitMaxMicros, FirstResponseHeaders.NONE);
    }

    @Test
    void queuedSessionsAddUpAndTheWaitsKeepTheirExtremes() {
        ClientCounts all = ClientCounts.sum(List.of(queued(2, 3_100_000, 3_400_000), queued(1, 2_900_000, 2_900_000)));

        assertEquals(3, all.browserSessionsQueued());
        assertEquals(2_900_000, all.browserQueueWaitMinMicros());
        assertEquals(3_400_000, all.browserQueueWaitMaxMicros());
    }

    @Test
    void aTransportWithoutAWaitDoesNotMakeTheShortestWaitZero() {
        ClientCounts all = ClientCounts.sum(List.of(queued(0, 0, 0), queued(1, 3_000_000, 3_000_000)));

        assertEquals(3_000_000, all.browserQueueWaitMinMicros(), "0 means no wait, not a wait of 0");
        assertEquals(0, ClientCounts.sum(List.of(queued(0, 0, 0))).browserQueueWaitMinMicros());
    }
}
