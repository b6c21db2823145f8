package org.tomcatpush.harness.client.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.tomcatpush.harness.client.cli.HarnessCli;

/** One in-process {@code harness} invocation with its exit status and captured output, for sweep tests. */
record SweepCli(int exit, String out, String err) {

    static SweepCli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HarnessCli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new SweepCli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    List<String> outLines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    /** Writes a scenario file into {@code dir}. */
    static Path scenario(Path dir, String fileName, String yaml) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    /** Everything in {@code dir}, hidden entries included; empty when it does not exist. */
    static List<Path> entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var stream = Files.list(dir)) {
            return stream.sorted().toList();
        }
    }
}
