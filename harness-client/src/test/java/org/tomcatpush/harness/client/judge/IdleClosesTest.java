package org.tomcatpush.harness.client.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tomcatpush.harness.client.report.model.SummaryRow;

@Timeout(10)
class IdleClosesTest {

    /** E7's slow short poll (fixture e7.csv): every 2 s against a 1 s keepAliveTimeout. */
    private static SummaryRow slowPoll(String idle, String opened) {
        return new SummaryRow(Map.of("transport", "short-poll", "poll_interval_ms", "2000",
                "keep_alive_timeout_ms", "1000", "requests", "100", "connections_opened", opened,
                "requests_per_connection_mean", "1", "closes_idle_timeout", idle, "closes_client", "10",
                "closes_server_other", "0"));
    }

    @Test
    void aPollSlowerThanTheTimeoutOpensAConnectionClosedIdleEachTime() {
        IdleCloses c = IdleCloses.of(slowPoll("90", "100"));

        assertTrue(c.pollsSlowerThanTimeout());
        assertFalse(c.pollsFasterThanTimeout());
        assertEquals(Outcome.HOLDS, c.anyIdle());
        assertEquals(Outcome.HOLDS, c.connectionPerRequest());
        assertEquals(Outcome.HOLDS, c.everyConnectionClosedIdle(), "90 idle + 10 client == 100 opened");
        assertEquals(Outcome.HOLDS, c.almostNoReuse());
        assertEquals(Outcome.FAILS, c.reused());
        assertEquals(0, c.reusedPolls());
    }

    @Test
    void pollsThatFoundTheirConnectionOpenAreCounted() {
        IdleCloses c = IdleCloses.of(slowPoll("80", "95"));

        assertEquals(Outcome.FAILS, c.connectionPerRequest());
        assertEquals(Outcome.FAILS, c.everyConnectionClosedIdle(), "80 idle + 10 client of 95 opened");
        assertEquals(5, c.reusedPolls());
    }

    @Test
    void aMissingIdleCountIsNoData() {
        IdleCloses c = IdleCloses.of(slowPoll("", "100"));

        assertEquals(Outcome.NO_DATA, c.anyIdle());
        assertEquals(Outcome.NO_DATA, c.everyConnectionClosedIdle());
        assertEquals(Outcome.NO_DATA, c.reused().and(c.anyIdle().not()));
        assertEquals(Outcome.HOLDS, c.connectionPerRequest());
    }
}
