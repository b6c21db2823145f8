package org.tomcatpush.harness.client.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.tomcatpush.harness.client.cli.ReportCommand;

/** {@code harness report RUN_DIR}: what it writes, and how it refuses bad input. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReportCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int report(String... args) {
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void writesSelfContainedReportIntoRunFolder() throws IOException {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));

        assertEquals(0, report(run.toString()));

        Path html = run.resolve("report.html");
        assertTrue(Files.isRegularFile(html));
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("Chart.js v4.4.7"), "Chart.js inlined");
        assertFalse(page.contains("src=\"http"), "no external script");
        assertFalse(page.contains("href=\"http"), "no external link");
        assertTrue(out.toString().contains("report: wrote " + html));
        assertEquals("", err.toString());
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count(), "temp file left");
        }
    }

    @Test
    void regeneratingReplacesAnOlderReport() throws IOException {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("report.html"), "old");

        assertEquals(0, report(run.toString()));

        assertTrue(Files.readString(run.resolve("report.html")).contains("Run report: mixed"));
    }

    @Test
    void missingLatencyLogExitsTwoWithOneLineNamingFileAndFix() throws IOException {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.delete(run.resolve("latency.hlog"));

        assertEquals(2, report(run.toString()));

        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains(run.resolve("latency.hlog").toString()), message);
        assertTrue(message.contains("is missing"), message);
        assertTrue(message.contains("harness run"), "names the fix: " + message);
        assertFalse(message.contains("Exception"), "no stack trace: " + message);
        assertFalse(Files.exists(run.resolve("report.html")), "no report written");
    }

    @Test
    void corruptSummaryLeavesPreviousReportUntouched() throws IOException {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("report.html"), "previous report");
        FixtureRuns.replace(run.resolve("summary.csv"), ",2400,3,0,", ",2400,three,0,");

        assertEquals(2, report(run.toString()));

        String message = err.toString();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("summary.csv line 2: column messages_lost is 'three', not a number"), message);
        assertEquals("previous report", Files.readString(run.resolve("report.html")));
    }

    @Test
    void folderThatDoesNotExistExitsTwo() {
        Path missing = tmp.resolve("no-such-run");

        assertEquals(2, report(missing.toString()));

        assertTrue(err.toString().startsWith("harness: " + missing + ": does not exist;"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void missingRunDirArgumentIsAUsageError() {
        assertEquals(2, report());
        assertTrue(err.toString().contains("RUN_DIR"), err.toString());
    }

    @Test
    void helpNamesTheInputFilesAndExitStatuses() {
        assertEquals(0, report("--help"));

        String help = out.toString();
        assertTrue(help.contains("Usage: report"), help);
        assertTrue(help.contains("RUN_DIR"), help);
        for (String file : List.of("summary.csv", "timeseries.csv", "latency.hlog", "run.json")) {
            assertTrue(help.contains(file), file + " in " + help);
        }
        assertTrue(help.contains("2   bad input (missing or corrupt file)"), help);
    }
}
