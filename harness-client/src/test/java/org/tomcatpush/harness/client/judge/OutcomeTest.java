package org.tomcatpush.harness.client.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OutcomeTest {

    @Test
    void aMissingFigureIsNoDataWhateverTheComparisonSays() {
        assertEquals(Outcome.HOLDS, Outcome.of(true, 1, 2));
        assertEquals(Outcome.FAILS, Outcome.of(false, 1, 2));
        assertEquals(Outcome.NO_DATA, Outcome.of(false, 1, Double.NaN));
        assertEquals(Outcome.NO_DATA, Outcome.of(true, Double.NaN));
    }

    @Test
    void noDataIsNeverDecidedByTheOtherHalf() {
        assertEquals(Outcome.HOLDS, Outcome.HOLDS.and(Outcome.HOLDS));
        assertEquals(Outcome.FAILS, Outcome.HOLDS.and(Outcome.FAILS));
        assertEquals(Outcome.NO_DATA, Outcome.FAILS.and(Outcome.NO_DATA));
        assertEquals(Outcome.NO_DATA, Outcome.NO_DATA.not());
        assertEquals(Outcome.FAILS, Outcome.HOLDS.not());
    }
}
