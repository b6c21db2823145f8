package org.tomcatpush.harness.client.accounting;

import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.concurrent.FastThreadLocal;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * A latency recorder with one HdrHistogram {@link SingleWriterRecorder} per recording thread (in
 * practice: per event loop, plus the timer), so that recording a value touches only memory of the
 * recording thread: no shared counter, no compare-and-swap loop between cores. A reader drains
 * every thread's recorder and adds them up; the sum holds every value recorded before the drain
 * exactly once (each thread's recorder flips its interval with a writer-reader phaser, as
 * {@link org.HdrHistogram.Recorder} does).
 *
 * <p>{@link #recordValue(long)} is wait-free and allocation-free after a thread's first value (which
 * creates that thread's recorder). The drains are serialised among themselves; in a run one monitor
 * thread drains, recycling its histograms, so draining allocates nothing in the steady state.
 *
 * <pre>
 * recorder.recordValue(latencyMicros);                   // on any thread, per message
 * Histogram interval = recorder.getIntervalHistogram(recycled);   // the reader, once an interval
 * </pre>
 */
public final class PerThreadRecorder {

    private final long highestTrackableValue;
    private final int significantDigits;
    /** Start of the interval the next drain returns, epoch ms: the last drain (or the construction). */
    private long intervalStartMs = System.currentTimeMillis();
    private final CopyOnWriteArrayList<Stripe> stripes = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<SingleWriterRecorder> local = new FastThreadLocal<>() {
        @Override
        protected SingleWriterRecorder initialValue() {
            Stripe stripe = new Stripe(new SingleWriterRecorder(highestTrackableValue, significantDigits));
            stripes.add(stripe);
            return stripe.recorder;
        }
    };

    /** Values from 0 (HdrHistogram's lowest discernible value 1) to {@code highestTrackableValue}. */
    public PerThreadRecorder(long highestTrackableValue, int significantDigits) {
        this.highestTrackableValue = highestTrackableValue;
        this.significantDigits = significantDigits;
    }

    /** Records one value into the calling thread's recorder. Wait-free; the thread's first value allocates. */
    public void recordValue(long value) {
        local.get().recordValue(value);
    }

    /** The values recorded since the last drain, in a new histogram. */
    public Histogram getIntervalHistogram() {
        return getIntervalHistogram(null);
    }

    /**
     * The values recorded since the last drain, summed over every thread, into
     * {@code histogramToRecycle} (reset first) or, if it is {@code null}, a new histogram.
     */
    public synchronized Histogram getIntervalHistogram(Histogram histogramToRecycle) {
        Histogram sum = histogramToRecycle != null ? histogramToRecycle : newHistogram();
        Histograms.clear(sum);
        for (Stripe stripe : stripes) {
            Histogram interval = stripe.recorder.getIntervalHistogram(stripe.recycled);
            stripe.recycled = interval;
            Histograms.addTo(sum, interval);
        }
        // the interval is the reader's, from its last drain to now, as Recorder's is
        long nowMs = System.currentTimeMillis();
        sum.setStartTimeStamp(intervalStartMs);
        sum.setEndTimeStamp(nowMs);
        intervalStartMs = nowMs;
        return sum;
    }

    /** How many threads have recorded into this recorder so far. */
    public int threads() {
        return stripes.size();
    }

    private Histogram newHistogram() {
        return new Histogram(highestTrackableValue, significantDigits);
    }

    /** One thread's recorder and the interval histogram the reader hands back to it. */
    private static final class Stripe {
        final SingleWriterRecorder recorder;
        Histogram recycled;

        Stripe(SingleWriterRecorder recorder) {
            this.recorder = recorder;
        }
    }
}
