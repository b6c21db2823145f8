package org.tomcatpush.harness.client.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.tomcatpush.harness.client.run.Load;
import org.tomcatpush.harness.client.run.LoadRun;

/** One in-process {@code harness} invocation with its exit status and captured output. */
record CliRun(int exit, String out, String err) {

    /** {@code harness run --out OUT OPTIONS...} in-process. */
    static CliRun run(java.nio.file.Path out, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--out", out.toString()));
        args.addAll(List.of(options));
        return of(args);
    }

    static CliRun of(List<String> args) {
        return of(args, LoadRun.sessions());
    }

    static CliRun of(List<String> args, Load.Factory loads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HarnessCli.execute(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), loads);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
