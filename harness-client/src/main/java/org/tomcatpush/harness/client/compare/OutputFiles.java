package org.tomcatpush.harness.client.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of text files into one folder so that a reader never sees a half-written one: each
 * goes to a hidden temporary file beside its target first, and only when all are written are they
 * renamed over their targets (atomically where the file system can). On failure the temporary
 * files are removed and the targets are left as they were. Stateless.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Writes {@code files} (file name to content, UTF-8) into {@code folder}, creating it if needed.
     *
     * @throws IOException when the folder or a file cannot be written; no target was then replaced
     *                     unless the failure happened while renaming
     */
    public static void write(Path folder, Map<String, String> files) throws IOException {
        Files.createDirectories(folder);
        Map<Path, Path> moves = new LinkedHashMap<>();
        List<Path> temporaries = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path temporary = Files.createTempFile(folder, "." + file.getKey() + ".", ".tmp");
                temporaries.add(temporary);
                Files.writeString(temporary, file.getValue(), StandardCharsets.UTF_8);
                moves.put(temporary, folder.resolve(file.getKey()));
            }
            for (Map.Entry<Path, Path> move : moves.entrySet()) {
                try {
                    Files.move(move.getKey(), move.getValue(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path temporary : temporaries) {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
