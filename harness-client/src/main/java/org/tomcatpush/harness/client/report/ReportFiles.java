package org.tomcatpush.harness.client.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes report files so that a reader never sees half a file: the content goes to a temporary
 * file beside the target, which is then moved over it (atomically where the file system can).
 */
public final class ReportFiles {

    private ReportFiles() {
    }

    /** Replaces {@code target} with {@code content} (UTF-8); on failure the old file is untouched. */
    public static void writeAtomically(Path target, String content) throws IOException {
        // Not Files.createTempFile: it makes the file owner-only, and the report should get the
        // same permissions as the run's other files.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
