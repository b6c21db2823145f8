package org.tomcatpush.harness.server.probe;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of this JVM's process, all its threads (JIT, GC and the kernel's work on its
 * behalf included), as the JVM reports it ({@code com.sun.management.OperatingSystemMXBean}). The
 * server reports its own with it in {@code /harness/stats} ({@code process.cpuNanos}) and the
 * client measures its own cost with it ({@code client_cpu_s}), so both sides read CPU the same
 * way and their costs per delivered message can be set side by side. Stateless, thread-safe; a
 * reading costs about a microsecond (one {@code getrusage}-like system call).
 */
public final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os : null;

    private ProcessCpu() {
    }

    /** The process's CPU time so far, ns; -1 when this JVM cannot tell. */
    public static long nanos() {
        long nanos = OS == null ? -1 : OS.getProcessCpuTime();
        return nanos < 0 ? -1 : nanos;
    }
}
