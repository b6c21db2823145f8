package org.tomcatpush.harness.client.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a file as another process writes it: every ended line once, in order; a line being written waits. */
class FileLineFollowerTest {

    @TempDir
    Path dir;

    @Test
    void eachEndedLineComesOnceAndALineBeingWrittenWaitsForItsEnd() throws IOException {
        Path file = dir.resolve("stderr.txt");
        FileLineFollower follower = new FileLineFollower(file);
        assertEquals(List.of(), follower.newLines(), "no file yet");

        append(file, "[   5s/60s] sessions 10/10\nwarning: x\r\n[  10s/6");
        assertEquals(List.of("[   5s/60s] sessions 10/10", "warning: x"), follower.newLines());
        assertEquals(List.of(), follower.newLines(), "nothing ended since");

        append(file, "0s] sessions 9/10\n\nlast é\n");
        assertEquals(List.of("[  10s/60s] sessions 9/10", "", "last é"), follower.newLines());
        assertEquals(List.of(), follower.newLines());
    }

    @Test
    void linesLongerThanOneReadComeWhole() throws IOException {
        Path file = dir.resolve("long.txt");
        String longLine = "x".repeat(20_000);
        append(file, longLine + "\nnext\n");
        assertEquals(List.of(longLine, "next"), new FileLineFollower(file).newLines());
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
