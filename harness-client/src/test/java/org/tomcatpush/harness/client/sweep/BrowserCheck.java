package org.tomcatpush.harness.client.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/check-reports.sh} (headless Chromium) on report pages and folders. Tests
 * call {@link #available()} first and skip the browser check where Chromium is not installed.
 */
public final class BrowserCheck {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The script's exit status and output. */
    public record Result(int exitStatus, String output) {
    }

    private BrowserCheck() {
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Checks {@code targets}; {@code logDir} receives the script's output. */
    public static Result check(Path logDir, Path... targets) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script().toString()));
        for (Path t : targets) {
            command.add(t.toString());
        }
        Path log = logDir.resolve("check-reports.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(240, TimeUnit.SECONDS)) {
                throw new AssertionError("check-reports.sh did not finish in 240 s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The script, found from the module folder (Maven's working directory) or the project root. */
    static Path script() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("scripts/check-reports.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("scripts/check-reports.sh not found above " + Path.of("").toAbsolutePath());
    }
}
