package org.tomcatpush.harness.server.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory of this JVM's process: heap used (the {@link MemoryMXBean}) and resident set size
 * ({@code VmRSS} of {@code /proc/self/status}, Linux only; -1 elsewhere or when it cannot be
 * read). Both readings are cheap (no safepoint, a small procfs read), so the sampler takes them
 * with every sample. The server samples itself with it and the client measures its own cost with
 * it, so both sides read memory the same way. Stateless and thread-safe.
 */
public final class ProcessMemory {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String RSS_KEY = "VmRSS:";

    private ProcessMemory() {
    }

    /** Bytes of heap in use now, live objects and garbage not yet collected alike. */
    public static long heapUsedBytes() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** The process's resident set size now, bytes; -1 where {@code /proc/self/status} has none. */
    public static long rssBytes() {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try (BufferedReader lines = Files.newBufferedReader(STATUS, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(RSS_KEY)) {
                    return parseKiloBytes(line.substring(RSS_KEY.length())) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Heap used right after a full collection ({@link System#gc()}, which the JVM honours unless it
     * runs with {@code -XX:+DisableExplicitGC}): the live heap, garbage excluded, the figure a
     * per-session memory cost is computed from. Pauses the process for the collection.
     */
    public static long heapUsedAfterGcBytes() {
        // a second collection frees what the first one only made unreachable (finalizable, soft)
        System.gc();
        System.gc();
        return heapUsedBytes();
    }

    /** {@code "  123456 kB"} in kB. */
    private static long parseKiloBytes(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        return Long.parseLong(space < 0 ? v : v.substring(0, space));
    }
}
