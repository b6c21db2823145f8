package org.tomcatpush.harness.client.results;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's results folder, {@code <out>/<yyyyMMdd-HHmmss>-<name>}. Files are written into a hidden
 * sibling, {@code <out>/.<folder>.partial}, and {@link #commit()} renames it atomically once every
 * file is complete and flushed to disk, so a crash leaves only a {@code .partial} folder, never a
 * complete-looking but truncated result. The folder name is reserved when the partial folder is
 * created, so runs started in the same second get distinct names ({@code -2}, {@code -3}, ...).
 * Not thread-safe: one run owns it.
 */
public final class ResultsFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Longest name {@link #sanitize} leaves. */
    public static final int MAX_NAME_CHARS = 80;
    private static final String PARTIAL_PREFIX = ".";
    private static final String PARTIAL_SUFFIX = ".partial";

    private final Path outDir;
    private final String runId;
    private final Path partialDir;
    private boolean committed;

    private ResultsFolder(Path outDir, String runId, Path partialDir) {
        this.outDir = outDir;
        this.runId = runId;
        this.partialDir = partialDir;
    }

    /**
     * Creates the partial folder of a run named {@code name} that started at {@code startedAt}
     * (the system's time zone), and the output folder if needed.
     */
    public static ResultsFolder begin(Path outDir, ZonedDateTime startedAt, String name) throws IOException {
        Files.createDirectories(outDir);
        String base = STAMP.format(startedAt) + "-" + name;
        for (int attempt = 1; ; attempt++) {
            String runId = attempt == 1 ? base : base + "-" + attempt;
            Path partial = outDir.resolve(PARTIAL_PREFIX + runId + PARTIAL_SUFFIX);
            if (Files.exists(outDir.resolve(runId))) {
                continue;
            }
            try {
                Files.createDirectory(partial);
                return new ResultsFolder(outDir, runId, partial);
            } catch (FileAlreadyExistsException taken) {
                // another run of the same name in the same second: try the next suffix
            }
        }
    }

    /**
     * The run id of a run folder, whether it is still the hidden partial folder or already
     * committed: {@code .20260101-120000-x.partial} and {@code 20260101-120000-x} both give
     * {@code 20260101-120000-x}.
     */
    public static String runIdOf(Path folder) {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        if (name.startsWith(PARTIAL_PREFIX) && name.endsWith(PARTIAL_SUFFIX)
                && name.length() > PARTIAL_PREFIX.length() + PARTIAL_SUFFIX.length()) {
            return name.substring(PARTIAL_PREFIX.length(), name.length() - PARTIAL_SUFFIX.length());
        }
        return name;
    }

    /**
     * Why run folders could not be written under {@code outDir}, or empty when they can. Checked
     * before any load starts, without creating anything: the nearest existing folder on the way to
     * {@code outDir} must be a folder in which a file can be created (a probe file is made and
     * deleted at once).
     */
    public static Optional<String> unwritableReason(Path outDir) {
        Path existing = outDir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.of("--out " + outDir + " has no existing folder on its path: give a folder you"
                    + " can write");
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of("--out " + outDir + " is not writable (" + existing + " is a file, not a"
                    + " folder): give a folder you can write");
        }
        try {
            Files.delete(Files.createTempFile(existing, ".harness-write-check", ".tmp"));
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("--out " + outDir + " is not writable (cannot create a file in " + existing
                    + "): give a folder you can write, or fix its permissions");
        }
    }

    /** {@link #begin(Path, ZonedDateTime, String)} at the current time. */
    public static ResultsFolder begin(Path outDir, String name) throws IOException {
        return begin(outDir, ZonedDateTime.now(ZoneId.systemDefault()), name);
    }

    /**
     * A name made safe for a folder: every character outside {@code [A-Za-z0-9._=,-]} becomes
     * {@code _}, at most 80 characters. Empty when nothing usable is left. ({@code =} and {@code ,}
     * are kept so that a sweep's runs are named by their settings, {@code max-threads=50,transport=sse}.)
     */
    public static String sanitize(String name) {
        String safe = name.strip().replaceAll("[^A-Za-z0-9._=,-]", "_");
        if (safe.length() > MAX_NAME_CHARS) {
            safe = safe.substring(0, MAX_NAME_CHARS);
        }
        return safe.replaceAll("^[._]+", "").isEmpty() ? "" : safe;
    }

    /** The final folder's name, which is also the run's id in every file. */
    public String runId() {
        return runId;
    }

    /** Where a file of the run is written until {@link #commit()}. */
    public Path file(String fileName) {
        return partialDir.resolve(fileName);
    }

    /** Flushes every file to disk and renames the partial folder to its final name. @return the final folder */
    public Path commit() throws IOException {
        try (Stream<Path> files = Files.list(partialDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        Path target = outDir.resolve(runId);
        Files.move(partialDir, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return target;
    }

    /** Deletes the partial folder (a run that turned out to have bad input leaves nothing). */
    public void discard() throws IOException {
        if (committed || !Files.exists(partialDir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(partialDir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
