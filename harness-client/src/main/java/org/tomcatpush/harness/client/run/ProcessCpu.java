package org.tomcatpush.harness.client.run;

import java.lang.management.ManagementFactory;

/**
 * The client process's CPU time (all its threads), as the JVM reports it. The one reading behind
 * {@code client_cpu_s} in summary.csv and {@code client_cpu_ms} in timeseries.csv. Stateless.
 */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os : null;

    private ProcessCpu() {
    }

    /** The process's CPU time so far, ns; -1 when this JVM cannot tell. */
    static long nanos() {
        return OS == null ? -1 : OS.getProcessCpuTime();
    }
}
