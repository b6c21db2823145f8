package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A virtual browser's cap of concurrent exchanges: the 7th waits, in order, without blocking a thread. */
class ConnectionPermitsTest {

    @Test
    void seventhExchangeWaitsUntilOneEnds() {
        ConnectionPermits permits = new ConnectionPermits(6);
        List<Integer> ran = new ArrayList<>();
        List<Boolean> atOnce = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            int id = i;
            atOnce.add(permits.acquire(() -> ran.add(id)));
        }
        assertEquals(List.of(true, true, true, true, true, true, false, false), atOnce,
                "acquire says which exchanges wait");
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ran);
        assertEquals(6, permits.inUse());
        assertEquals(2, permits.waiting());

        permits.release();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), ran, "the first waiter takes over the freed permit");
        assertEquals(6, permits.inUse());

        permits.release();
        permits.release();
        assertEquals(8, ran.size());
        assertEquals(5, permits.inUse());
    }

    @Test
    void withdrawnWaiterNeverRuns() {
        ConnectionPermits permits = new ConnectionPermits(1);
        List<String> ran = new ArrayList<>();
        permits.acquire(() -> ran.add("a"));
        Runnable b = () -> ran.add("b");
        permits.acquire(b);
        assertTrue(permits.withdraw(b));
        permits.release();
        assertEquals(List.of("a"), ran);
        assertEquals(0, permits.inUse());
    }

    @Test
    void capBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConnectionPermits(0));
        assertTrue(e.getMessage().contains("at least 1"));
    }
}
