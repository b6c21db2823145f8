package org.tomcatpush.harness.client.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Per-thread latency recording loses nothing and counts nothing twice, whenever the reader drains. */
class PerThreadRecorderTest {

    private static final int THREADS = 4;
    private static final int VALUES_PER_THREAD = 200_000;

    @Test
    void drainHoldsWhatEveryThreadRecordedExactly() throws InterruptedException {
        PerThreadRecorder recorder = new PerThreadRecorder(TransportRecorder.MAX_TRACKABLE_MICROS, 3);
        runWriters(recorder, THREADS, 1_000, () -> { });
        Histogram sum = recorder.getIntervalHistogram();
        assertEquals((long) THREADS * 1_000, sum.getTotalCount());
        for (int t = 0; t < THREADS; t++) {
            // thread t records the value 1000 * (t + 1), each 1,000 times
            assertEquals(1_000, sum.getCountAtValue(1_000L * (t + 1)), "thread " + t);
        }
        assertEquals(THREADS, recorder.threads());
        assertEquals(0, recorder.getIntervalHistogram().getTotalCount(), "a second drain finds nothing new");
    }

    @Test
    void drainsDuringRecordingAddUpToEverythingRecorded() throws InterruptedException {
        PerThreadRecorder recorder = new PerThreadRecorder(TransportRecorder.MAX_TRACKABLE_MICROS, 3);
        Histogram total = new Histogram(1, TransportRecorder.MAX_TRACKABLE_MICROS, 3);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Histogram> intervals = new ArrayList<>();
        Thread reader = new Thread(() -> {
            Histogram recycled = null;
            while (writing.get()) {
                recycled = recorder.getIntervalHistogram(recycled);
                total.add(recycled);
                intervals.add(recycled.copy());
            }
        });
        reader.start();
        runWriters(recorder, THREADS, VALUES_PER_THREAD, () -> writing.set(false));
        reader.join();
        total.add(recorder.getIntervalHistogram());
        assertEquals((long) THREADS * VALUES_PER_THREAD, total.getTotalCount());
        for (int t = 0; t < THREADS; t++) {
            assertEquals(VALUES_PER_THREAD, total.getCountAtValue(1_000L * (t + 1)), "thread " + t);
        }
    }

    @Test
    void intervalsFollowOneAnotherWithoutOverlap() {
        PerThreadRecorder recorder = new PerThreadRecorder(TransportRecorder.MAX_TRACKABLE_MICROS, 3);
        Histogram first = recorder.getIntervalHistogram();
        recorder.recordValue(42);
        Histogram second = recorder.getIntervalHistogram();
        assertEquals(0, first.getTotalCount());
        assertEquals(1, second.getCountAtValue(42));
        assertEquals(first.getEndTimeStamp(), second.getStartTimeStamp());
    }

    /** Starts {@code threads} writers, thread t recording 1000 * (t + 1) {@code values} times; waits for them. */
    private static void runWriters(PerThreadRecorder recorder, int threads, int values, Runnable afterAll)
            throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long value = 1_000L * (t + 1);
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < values; i++) {
                    recorder.recordValue(value);
                }
            });
            writer.start();
            writers.add(writer);
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        afterAll.run();
    }
}
