package org.tomcatpush.harness.client.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a file another process is writing, as {@code tail -f} does: each call returns the lines
 * ended since the last one, each once, in order; a line still being written is held until its
 * newline arrives. Not thread-safe: one thread follows.
 */
public final class FileLineFollower {

    private static final int READ_BYTES = 8192;

    private final Path file;
    private long position;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    public FileLineFollower(Path file) {
        this.file = file;
    }

    /**
     * The lines ended since the last call, without their line ends; none when the file does not
     * exist yet. @throws IOException when the file cannot be read
     */
    public List<String> newLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
            int read;
            while ((read = channel.read(buffer, position)) > 0) {
                position += read;
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        lines.add(line());
                    } else {
                        partial.write(b);
                    }
                }
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return lines;
    }

    private String line() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
