package org.tomcatpush.harness.client.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads the soft "Max open files" limit of this process from {@code /proc/self/limits} (Linux).
 * On Linux the JVM raises its soft limit to the hard one at start-up, so the figure read here is
 * also what a server JVM started by the harness will get. Stateless and thread-safe.
 */
public final class OpenFileLimit {

    /** Where Linux publishes the limits of the calling process. */
    public static final Path PROC_SELF_LIMITS = Path.of("/proc/self/limits");

    private OpenFileLimit() {
    }

    /** The soft limit of this process, or empty where it cannot be read or is unlimited. */
    public static OptionalLong current() {
        return read(PROC_SELF_LIMITS);
    }

    /** The soft limit found in a limits file, or empty when the file is absent, unreadable or says unlimited. */
    public static OptionalLong read(Path limitsFile) {
        if (!Files.isReadable(limitsFile)) {
            return OptionalLong.empty();
        }
        try {
            return parseSoftLimit(Files.readString(limitsFile));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The soft limit in the text of a {@code /proc/PID/limits} file: the first number of the
     * {@code Max open files} line; empty when the line is missing or says {@code unlimited}.
     */
    public static OptionalLong parseSoftLimit(String limitsText) {
        for (String line : limitsText.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
                if (fields.length == 0 || fields[0].equals("unlimited")) {
                    return OptionalLong.empty();
                }
                try {
                    return OptionalLong.of(Long.parseLong(fields[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
