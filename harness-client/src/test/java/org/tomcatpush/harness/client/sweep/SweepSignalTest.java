package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.cli.HarnessCli;
import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/**
 * A sweep stopped by a signal (as Ctrl-C stops it): the current run is written as interrupted,
 * the runs after it are recorded as not run, and the sweep folder is still completed with
 * sweep.csv and its report.
 */
@Timeout(180)
class SweepSignalTest {

    @TempDir
    Path dir;

    @Test
    void signalDuringTheFirstRunRecordsItInterruptedAndTheRestNotRun() throws Exception {
        Path file = SweepCli.scenario(dir, "long.yaml", """
                name: stopped
                fixed: {transport: ws, sessions: 3, ramp-up: 0s, duration: 60s, publish-rate: 5}
                sweep: {max-threads: [10, 20]}
                """);
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(ServerLaunch.currentJava().toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), HarnessCli.class.getName(), "sweep", file.toString(), "--out",
                out.toString()));
        Process harness = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(harness.getErrorStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = err.readLine()) != null && !line.startsWith("[   5s/60s]")) {
                // wait for the first run's first progress line: its server is up and its load runs
            }
            assertTrue(line != null, "the sweep ended before its first run's progress line");
            harness.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
            assertTrue(harness.waitFor(90, TimeUnit.SECONDS), "harness did not stop");
            assertEquals(130, harness.exitValue(), "interrupted, for SIGTERM as for Ctrl-C (not 128 + 15)");
        } finally {
            harness.destroyForcibly();
        }

        List<Path> entries = SweepCli.entries(out);
        assertEquals(1, entries.size(), "the sweep folder was completed, no partial left: " + entries);
        Path sweep = entries.get(0);
        SweepTable table = SweepTable.read(sweep.resolve("sweep.csv"));
        assertEquals(2, table.rows().size());
        assertEquals("interrupted", table.rows().get(0).text("status").orElse(""));
        assertTrue(table.rows().get(0).text("failure").orElse("").startsWith("stopped by a signal"));
        assertEquals("not-run", table.rows().get(1).text("status").orElse(""));
        assertEquals("the sweep was stopped before this run", table.rows().get(1).text("failure").orElse(""));
        assertTrue(Files.isRegularFile(sweep.resolve("report.html")));
    }
}
