package org.tomcatpush.harness.client.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeepAliveClosesTest {

    @Test
    void aRowAtTheLimitMeetsEveryCondition() {
        KeepAliveCloses c = KeepAliveCloses.of(Rows.row());

        assertEquals(5, c.limit());
        assertEquals(556, c.serverCloses());
        assertEquals(0, c.otherServerCloses());
        assertEquals(Outcome.HOLDS, c.anyAtLimit());
        assertEquals(Outcome.HOLDS, c.allServerClosesAtLimit());
        assertEquals(Outcome.HOLDS, c.maxCarriedTheLimit());
        assertEquals(Outcome.HOLDS, c.carriedExactlyTheLimit(), "5 x 556 = 2780 <= 2828 <= 5 x 574 = 2870");
        assertEquals(Outcome.HOLDS, c.serverCountsAgree());
        assertEquals(Outcome.HOLDS, c.meanIsTheLimit(), "4.93 rounds to 5");
    }

    @Test
    void oneIdleCloseAmongThemMeansNotEveryServerCloseWasAtTheLimit() {
        KeepAliveCloses c = KeepAliveCloses.of(Rows.with("closes_idle_timeout", "1"));

        assertEquals(557, c.serverCloses());
        assertEquals(1, c.otherServerCloses());
        assertEquals(Outcome.HOLDS, c.anyAtLimit());
        assertEquals(Outcome.FAILS, c.allServerClosesAtLimit());
        assertEquals(Outcome.HOLDS, c.carriedExactlyTheLimit(), "the idle close is not a close at the limit");
    }

    @Test
    void aRequestTooManyOnAConnectionBreaksTheLimit() {
        KeepAliveCloses c = KeepAliveCloses.of(Rows.with("requests_per_connection_max", "6"));

        assertEquals(Outcome.FAILS, c.maxCarriedTheLimit());
    }

    @Test
    void missingCellsGiveNoDataNeverAFailure() {
        KeepAliveCloses noError = KeepAliveCloses.of(Rows.with("closes_error", ""));
        KeepAliveCloses noMax = KeepAliveCloses.of(Rows.with("requests_per_connection_max", null));
        KeepAliveCloses noLimit = KeepAliveCloses.of(Rows.row(), OptionalDouble.empty());

        assertEquals(Double.NaN, noError.serverCloses());
        assertEquals(Outcome.NO_DATA, noError.allServerClosesAtLimit());
        assertEquals(Outcome.HOLDS, noError.anyAtLimit(), "what is known stays known");
        assertEquals(Outcome.NO_DATA, noMax.maxCarriedTheLimit());
        assertEquals(Outcome.NO_DATA, noLimit.maxCarriedTheLimit());
        assertEquals(Outcome.NO_DATA, noLimit.carriedExactlyTheLimit());
        assertEquals(Outcome.NO_DATA, noLimit.meanIsTheLimit());
    }
}
