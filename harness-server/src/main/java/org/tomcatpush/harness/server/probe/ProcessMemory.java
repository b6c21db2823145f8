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
 * (Linux only; -1 elsewhere or when it cannot be read). The heap reading costs a few
 * microseconds; the resident size comes from {@code /proc/self/statm} (resident pages times the
 * page size, learnt once by comparing it with {@code VmRSS} of {@code /proc/self/status}, the same
 * figure in kB, whose read costs several times more), still about as much as the rest of a sample,
 * so the sampler reads it about once a second (docs/SERVER.md, "Memory sampling cost"). The server samples itself with it and the
 * client measures its own cost with it, so both sides read memory the same way. Thread-safe.
 */
public final class ProcessMemory {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final String RSS_KEY = "VmRSS:";
    /** Bytes per page, -1 when /proc cannot tell (not Linux). */
    private static final long PAGE_BYTES = pageBytes();

    private ProcessMemory() {
    }

    /** Bytes of heap in use now, live objects and garbage not yet collected alike. */
    public static long heapUsedBytes() {
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** The process's resident set size now, bytes; -1 where /proc has none. */
    public static long rssBytes() {
        if (PAGE_BYTES <= 0) {
            return -1;
        }
        long pages = residentPages();
        return pages < 0 ? -1 : pages * PAGE_BYTES;
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

    /** The second field of {@code /proc/self/statm}: resident pages; -1 when unreadable. */
    private static long residentPages() {
        try {
            String statm = Files.readString(STATM, StandardCharsets.US_ASCII);
            int from = statm.indexOf(' ') + 1;
            int to = statm.indexOf(' ', from);
            return from <= 0 || to < 0 ? -1 : Long.parseLong(statm.substring(from, to));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /**
     * VmRSS (bytes) over resident pages, read back to back, rounded to the nearest power of two
     * (4 KiB on x86-64, 4, 16 or 64 KiB on ARM): the RSS may move by a page or two between the reads.
     */
    private static long pageBytes() {
        long pages = residentPages();
        long rssBytes = statusRssBytes();
        if (pages <= 0 || rssBytes <= 0) {
            return -1;
        }
        double ratio = (double) rssBytes / pages;
        return 1L << Math.round(Math.log(ratio) / Math.log(2));
    }

    /** {@code VmRSS} of {@code /proc/self/status} in bytes; -1 when unreadable. */
    private static long statusRssBytes() {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try (BufferedReader lines = Files.newBufferedReader(STATUS, StandardCharsets.US_ASCII)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(RSS_KEY)) {
                    String kiloBytes = line.substring(RSS_KEY.length()).strip();
                    int space = kiloBytes.indexOf(' ');
                    return Long.parseLong(space < 0 ? kiloBytes : kiloBytes.substring(0, space)) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
