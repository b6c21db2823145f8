package org.tomcatpush.harness.client.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ThreadPoolTest {

    @Test
    void busyThreadsAtMaxThreadsWithAQueueAreSaturated() {
        ThreadPool pool = ThreadPool.of(Rows.row());

        assertTrue(pool.moreSessionsThanThreads());
        assertFalse(pool.virtual());
        assertEquals(Outcome.HOLDS, pool.reachedMaxThreads());
        assertEquals(Outcome.HOLDS, pool.queued());
        assertEquals(Outcome.HOLDS, pool.everySessionHoldsAConnection());
        assertEquals(Outcome.FAILS, pool.idleSessionsHoldNoThread(), "mean 7.5 busy threads");
    }

    @Test
    void aPeakBelowMaxThreadsAndAnEmptyQueueAreNotSaturation() {
        assertEquals(Outcome.FAILS, ThreadPool.of(Rows.with("busy_threads_max", "7")).reachedMaxThreads());
        assertEquals(Outcome.FAILS, ThreadPool.of(Rows.with("queue_length_max", "0")).queued());
    }

    @Test
    void noMaxThreadsSettingMeansNoLimitToReach() {
        assertEquals(Outcome.FAILS, ThreadPool.of(Rows.with("max_threads", "0")).reachedMaxThreads());
    }

    @Test
    void missingCellsGiveNoData() {
        assertEquals(Outcome.NO_DATA, ThreadPool.of(Rows.with("busy_threads_max", "")).reachedMaxThreads());
        assertEquals(Outcome.NO_DATA, ThreadPool.of(Rows.with("max_threads", null)).reachedMaxThreads());
        assertEquals(Outcome.NO_DATA, ThreadPool.of(Rows.with("queue_length_max", "n/a")).queued());
        assertFalse(ThreadPool.of(Rows.with("max_threads", null)).moreSessionsThanThreads());
    }

    @Test
    void virtualThreadsAreRead() {
        assertTrue(ThreadPool.of(Rows.with("virtual_threads", "true")).virtual());
    }
}
