package org.tomcatpush.harness.client.run;

import org.tomcatpush.harness.client.results.ClientCost;
import org.tomcatpush.harness.client.session.EventLoopDelay;
import org.tomcatpush.harness.server.probe.ProcessCpu;
import org.tomcatpush.harness.server.probe.ProcessMemory;

/**
 * Measures the client's own cost over the measured window: process CPU time between
 * {@link #start()} and {@link #stop()}, and the most heap and resident memory seen by
 * {@link #sample()} (once a second, by the {@link RunMonitor}, and at start and stop). Reads memory
 * as the server reads its own ({@link ProcessMemory}). Confined to the run's thread.
 */
final class ClientCostMeter {

    private long cpuStartNanos = -1;
    private long cpuStopNanos = -1;
    private long heapMaxBytes = -1;
    private long rssMaxBytes = -1;

    /** The window starts: CPU time counts from now. */
    void start() {
        cpuStartNanos = ProcessCpu.nanos();
        sample();
    }

    /** Notes the heap and resident memory now, keeping the largest. */
    void sample() {
        if (cpuStartNanos < 0 || cpuStopNanos >= 0) {
            return;
        }
        heapMaxBytes = Math.max(heapMaxBytes, ProcessMemory.heapUsedBytes());
        rssMaxBytes = Math.max(rssMaxBytes, ProcessMemory.rssBytes());
    }

    /** The window ends: CPU time counts up to now. Idempotent; the first call counts. */
    void stop() {
        if (cpuStartNanos >= 0 && cpuStopNanos < 0) {
            sample();
            cpuStopNanos = ProcessCpu.nanos();
        }
    }

    /** The figures, with the event loops' lateness the session engine measured. */
    ClientCost result(EventLoopDelay.Summary eventLoopDelay) {
        double cpuS = cpuStartNanos >= 0 && cpuStopNanos >= 0 && cpuStartNanos <= cpuStopNanos
                ? (cpuStopNanos - cpuStartNanos) / 1e9 : Double.NaN;
        return new ClientCost(cpuS, rssMaxBytes, heapMaxBytes, eventLoopDelay.p99Ms(), eventLoopDelay.maxMs());
    }
}
