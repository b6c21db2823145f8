package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.tomcatpush.harness.client.ExitStatus;
import org.tomcatpush.harness.client.report.FixtureRuns;
import org.tomcatpush.harness.client.report.load.ResultsCsv;
import org.tomcatpush.harness.client.sweep.Combination;
import org.tomcatpush.harness.client.sweep.RunFolderReader;
import org.tomcatpush.harness.client.sweep.RunRecord;
import org.tomcatpush.harness.client.sweep.Setting;
import org.tomcatpush.harness.client.sweep.SweepCsv;

/**
 * Every command that reads a results folder reads it through the one reader, so a damaged folder
 * gets the same one line from each: {@code harness report}, {@code harness compare} (as baseline
 * and as current), {@code harness compare medians}, {@code harness experiments}, and the sweep
 * reading back its run folders (which records the run as failed with that line as its cause).
 * Each command exits with status 2, prints no stack trace and writes nothing.
 */
@Timeout(60)
class DamagedResultsFolderTest {

    @TempDir
    Path dir;

    private Path good;
    private Path run;
    private Path sweep;

    @BeforeEach
    void damagedFolders() throws Exception {
        good = FixtureRuns.create(FixtureRuns.MIXED, dir.resolve("good"));
        run = FixtureRuns.create(FixtureRuns.MIXED, dir.resolve("damaged-run"));
        List<Map<String, String>> rows = ResultsCsv.read(good.resolve("summary.csv")).rows().stream()
                .map(r -> r.cells()).toList();
        Combination combination = new Combination(1, 1, List.of(new Setting("max-threads", "200", false)),
                List.of(new Setting("max-threads", "200", false)));
        RunRecord record = new RunRecord(combination, "completed", "", "run-1", Duration.ofSeconds(5), rows, 1, true);
        sweep = Files.createDirectories(dir.resolve("damaged-sweep"));
        Files.writeString(sweep.resolve("sweep.csv"), SweepCsv.format(List.of("max-threads"), List.of(record)));
        truncateLastLine(run.resolve("summary.csv"));
        truncateLastLine(sweep.resolve("sweep.csv"));
    }

    @Test
    void everyReaderOfARunFolderGivesTheSameLineForATruncatedSummary() throws Exception {
        String expected = truncatedLine(run.resolve("summary.csv"));

        assertEquals(expected, refused("report", run.toString()));
        assertEquals(expected, refused("compare", "--baseline", run.toString(), "--current", good.toString(),
                "--out", dir.resolve("out").toString()));
        assertEquals(expected, refused("compare", "--baseline", good.toString(), "--current", run.toString(),
                "--out", dir.resolve("out").toString()));
        assertEquals(expected, refused("compare", "medians", "--out", dir.resolve("medians.csv").toString(),
                run.toString()));

        List<Path> before = listing();
        RunRecord read = RunFolderReader.record(new Combination(1, 1, List.of(), List.of()), run, null,
                Duration.ofSeconds(1));
        assertEquals("failed", read.status(), "a damaged run folder is a failed run");
        assertEquals(expected, "harness: " + read.failure());
        assertEquals(List.of(), read.summaryRows());
        assertEquals(before, listing(), "nothing written");
    }

    @Test
    void everyReaderOfASweepFolderGivesTheSameLineForATruncatedSweepCsv() throws Exception {
        String expected = truncatedLine(sweep.resolve("sweep.csv"));

        assertEquals(expected, refused("experiments", "--out", dir.resolve("summary").toString(), "E3=" + sweep));
        assertEquals(expected, refused("compare", "--baseline", sweep.toString(), "--current", good.toString(),
                "--out", dir.resolve("out").toString()));
        assertEquals(expected, refused("compare", "--baseline", good.toString(), "--current", sweep.toString(),
                "--out", dir.resolve("out").toString()));
        assertEquals(expected, refused("compare", "medians", "--out", dir.resolve("medians.csv").toString(),
                sweep.toString()));
    }

    /** Runs {@code args} through the one harness command line; checks it refused them cleanly and wrote nothing. */
    private String refused(String... args) throws Exception {
        List<Path> before = listing();
        CliRun result = CliRun.of(List.of(args));
        assertEquals(ExitStatus.BAD_INPUT, result.exit(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().size(), "one line: " + result.err());
        assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), "no stack trace");
        assertEquals(before, listing(), "nothing written by " + String.join(" ", args));
        return result.errLines().get(0);
    }

    /** Cuts the file's last line in the middle, as a crash mid-write leaves it. */
    private static void truncateLastLine(Path file) throws Exception {
        String text = Files.readString(file).stripTrailing();
        int lastLine = text.lastIndexOf('\n') + 1;
        String cut = text.substring(0, lastLine + (text.length() - lastLine) / 4);
        assertTrue(cut.length() > lastLine, "the last line keeps some of its cells");
        Files.writeString(file, cut);
    }

    /**
     * The line every command prints for {@code file} as {@link #truncateLastLine} left it: its
     * last line (the fourth: a header and three rows) has fewer fields than the header.
     */
    private static String truncatedLine(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), "a header and three rows");
        return "harness: " + file + " line 4: has " + fields(lines.get(3)) + " fields but the header has "
                + fields(lines.get(0)) + " (the file looks truncated); the file is damaged or was not written by"
                + " 'harness run' or 'harness sweep': run the scenario again or restore the file from the original run";
    }

    /** The fields of a CSV line without quotes (the fixtures quote nothing). */
    private static int fields(String line) {
        assertFalse(line.contains("\""), line);
        return line.split(",", -1).length;
    }

    private List<Path> listing() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }
}
