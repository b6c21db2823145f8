package org.tomcatpush.harness.client.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.launch.ServerLaunch;
import org.tomcatpush.harness.client.results.Figures;

/**
 * {@code harness sweep} end to end: real server JVMs, the real session engine, runs of a second or
 * two. The sweep folder holds every run's folder, the scenario, sweep.csv and report.html; the
 * rows of sweep.csv repeat each run's summary.csv; a run that fails is recorded with its cause and
 * the sweep goes on.
 */
@Timeout(240)
class SweepEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void tinySweepWritesOneFolderWhoseRowsAgreeWithEachRunsSummary() throws Exception {
        String yaml = """
                name: tiny
                fixed: {transport: short-poll, sessions: 3, duration: 2s, ramp-up: 0s, poll-interval: 100ms, publish-rate: 10}
                sweep: {max-keep-alive-requests: [2, 4]}
                """;
        Path file = SweepCli.scenario(dir, "tiny.yaml", yaml);
        Path out = dir.resolve("out");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", out.toString());

        assertEquals(0, run.exit(), run.err());
        List<Path> entries = SweepCli.entries(out);
        assertEquals(1, entries.size(), "one sweep folder, no partial left: " + entries);
        Path sweep = entries.get(0);
        assertTrue(sweep.getFileName().toString().matches("\\d{8}-\\d{6}-sweep-tiny"), sweep.toString());
        List<String> lines = run.outLines();
        assertEquals(5, lines.size(), run.out());
        assertEquals(List.of("max-keep-alive-requests", "status", "sessions", "requests", "conns", "reconnects",
                "p50", "ms", "p99", "ms", "busy", "max"), List.of(lines.get(0).split("\\s+")), "the table's header");
        assertEquals(List.of("sweep tiny: 2 of 2 runs completed", "results: " + sweep), lines.subList(3, 5));
        assertTrue(run.err().contains("[1/2] max-keep-alive-requests=2 ... ETA "), run.err());
        assertTrue(run.err().contains("[2/2] max-keep-alive-requests=4 ... ETA "), run.err());
        assertEquals(yaml, Files.readString(sweep.resolve("scenario.yaml")));
        assertTrue(Files.isRegularFile(sweep.resolve("report.html")));

        List<CSVRecord> rows = csv(sweep.resolve("sweep.csv"));
        assertEquals(2, rows.size());
        for (int i = 0; i < 2; i++) {
            CSVRecord row = rows.get(i);
            String limit = i == 0 ? "2" : "4";
            assertEquals(Integer.toString(i + 1), row.get("run_index"));
            assertEquals(limit, row.get("swept.max-keep-alive-requests"));
            assertEquals("completed", row.get("status"));
            assertEquals("", row.get("failure"));
            Path runDir = sweep.resolve(row.get("run_folder"));
            assertTrue(runDir.getFileName().toString().matches("\\d{8}-\\d{6}-max-keep-alive-requests=" + limit),
                    "the folder is named by the setting the sweep varies: " + runDir);
            assertTrue(Files.isRegularFile(runDir.resolve("report.html")), "every run gets its report");
            List<CSVRecord> summary = csv(runDir.resolve("summary.csv"));
            assertEquals(1, summary.size());
            for (String column : summary.get(0).toMap().keySet()) {
                assertEquals(summary.get(0).get(column), row.get(column), "run " + (i + 1) + ", column " + column);
            }
            assertEquals(limit, row.get("max_keep_alive_requests"), "the swept knob reached the server");
            CSVRecord s = summary.get(0);
            assertEquals(List.of(limit, "completed", s.get("sessions_opened") + "/3", sig(s.get("requests")),
                    sig(s.get("connections_opened")), sig(s.get("reconnects")), sig(s.get("latency_p50_ms")),
                    sig(s.get("latency_p99_ms")), sig(s.get("busy_threads_max"))),
                    List.of(lines.get(i + 1).split("\\s+")), "run " + (i + 1) + " in the table: " + lines.get(i + 1));
            assertEquals(lines.get(0).length(), lines.get(i + 1).length(), "aligned: " + run.out());
        }
        if (BrowserCheck.available()) {
            BrowserCheck.Result check = BrowserCheck.check(dir, sweep);
            assertEquals(0, check.exitStatus(), check.output());
            // every chart with something to show drew (those with only zeros, such as an empty queue, are one line)
            assertTrue(check.output().matches("(?s).*sweep-tiny/report\\.html: ok charts=(\\d+)/\\1\n.*"), check.output());
            assertTrue(check.output().contains("3 report(s) rendered cleanly"), check.output());
        }
    }

    @Test
    void thresholdsOfTheScenarioJudgeEveryRunAndABreachMakesTheSweepExitThree() throws Exception {
        Path file = SweepCli.scenario(dir, "judged.yaml", """
                name: judged
                fixed: {transport: short-poll, sessions: 2, duration: 2s, ramp-up: 0s, poll-interval: 200ms}
                sweep: {max-keep-alive-requests: [2, 4]}
                thresholds: ["max_keep_alive_requests<3", "long-poll:errors==0"]
                """);
        Path out = dir.resolve("out");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", out.toString());

        assertEquals(3, run.exit(), run.err());
        Path sweep = SweepCli.entries(out).get(0);
        List<String> lines = run.outLines();
        assertEquals(List.of("sweep judged: 2 of 2 runs completed, 1 of them with a threshold breached",
                "results: " + sweep), lines.subList(lines.size() - 2, lines.size()));
        assertTrue(lines.get(2).matches("4 +thresholds-breached +2/2 .*"), run.out());
        List<CSVRecord> rows = csv(sweep.resolve("sweep.csv"));
        assertEquals("completed", rows.get(0).get("status"));
        assertEquals("thresholds-breached", rows.get(1).get("status"));
        String breached = Files.readString(sweep.resolve(rows.get(1).get("run_folder")).resolve("thresholds.xml"));
        assertTrue(breached.contains("<failure message=\"threshold breached: short-poll max_keep_alive_requests&lt;3"
                + " (was 4)\""), breached);
        assertTrue(breached.contains("<skipped message=\"the run has no long-poll row\"/>"), breached);
        String held = Files.readString(sweep.resolve(rows.get(0).get("run_folder")).resolve("thresholds.xml"));
        assertTrue(held.contains("tests=\"2\" failures=\"0\""), held);
    }

    @Test
    void runThatFailsIsRecordedWithItsCauseAndTheSweepGoesOn() throws Exception {
        Path notJava = dir.resolve("not-java");
        Files.writeString(notJava, "#!/bin/sh\necho 'not a java runtime' >&2\nexit 1\n");
        Files.setPosixFilePermissions(notJava, PosixFilePermissions.fromString("rwx------"));
        Path realJava = ServerLaunch.currentJava();
        Path file = SweepCli.scenario(dir, "fails.yaml", "name: one-fails\n"
                + "fixed: {transport: sse, sessions: 2, duration: 1s, publish-rate: 5}\n"
                + "sweep: {server-java: ['" + notJava + "', '" + realJava + "']}\n");
        Path out = dir.resolve("out");

        SweepCli run = SweepCli.run("sweep", file.toString(), "--out", out.toString());

        assertEquals(1, run.exit(), "a failed run makes the sweep's status 1: " + run.err());
        Path sweep = SweepCli.entries(out).get(0);
        List<String> lines = run.outLines();
        assertEquals(List.of("sweep one-fails: 1 of 2 runs completed (see the status and failure columns)",
                "results: " + sweep), lines.subList(lines.size() - 2, lines.size()));
        assertTrue(lines.get(1).matches(".*not-java +failed +0/2 +0 +0 +0 +- +- +-"),
                "a failed run's line: " + run.out());
        List<CSVRecord> rows = csv(sweep.resolve("sweep.csv"));
        assertEquals(2, rows.size());
        CSVRecord failed = rows.get(0);
        assertEquals("failed", failed.get("status"));
        assertEquals(notJava.toString(), failed.get("swept.server-java"));
        assertTrue(failed.get("failure").contains("exited with status 1"), failed.get("failure"));
        assertTrue(failed.get("failure").contains("not a java runtime"), failed.get("failure"));
        CSVRecord completed = rows.get(1);
        assertEquals("completed", completed.get("status"), "the sweep went on after the failure");
        assertEquals("", completed.get("failure"));
        assertFalse(completed.get("run_folder").isEmpty());
        assertTrue(Files.isRegularFile(sweep.resolve(completed.get("run_folder")).resolve("summary.csv")));
        String report = Files.readString(sweep.resolve("report.html"));
        assertTrue(report.contains("not a java runtime"), "the report lists the failure");
        assertTrue(run.err().matches("(?s).*\\[1/2\\] failed in \\d+s: the server exited with status 1.*"), run.err());
    }

    private static String sig(String cell) {
        return Figures.display(Double.parseDouble(cell));
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }
}
