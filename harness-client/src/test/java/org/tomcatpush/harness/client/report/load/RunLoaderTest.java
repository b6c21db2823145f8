package org.tomcatpush.harness.client.report.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomcatpush.harness.client.report.FixtureRuns;
import org.tomcatpush.harness.client.report.model.LatencyDistribution;
import org.tomcatpush.harness.client.report.model.RunData;
import org.tomcatpush.harness.client.report.model.SummaryColumns;
import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.model.TimeSeries;
import org.tomcatpush.harness.client.results.ResultsInputException;

/** Reading a run folder: what the model holds, and the one-line error for each bad file. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void mixedRunLoadsOneRowPerTransportPlusAll() throws Exception {
        RunData run = RunLoader.load(FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run")));

        assertEquals(List.of("sse", "ws", "all"), run.rows().stream().map(SummaryRow::transport).toList());
        assertEquals(List.of("sse", "ws"), run.transportRows().stream().map(SummaryRow::transport).toList());
        assertEquals("all", run.runRow().transport());
        assertEquals(OptionalDouble.of(3), run.transportRows().get(0).number(SummaryColumns.MESSAGES_LOST));
        assertEquals("mixed", run.name());
        assertEquals(21, run.series().rows());
        assertEquals(0, run.serverSamples().rows(), "no server_samples.csv in this fixture");
    }

    @Test
    void latencyLogCountsEqualMessagesReceivedPerTransport() throws Exception {
        RunData run = RunLoader.load(FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run")));

        assertEquals(List.of("sse", "ws"), run.latency().stream().map(LatencyDistribution::tag).toList());
        for (SummaryRow row : run.transportRows()) {
            assertEquals(row.number(SummaryColumns.MESSAGES_RECEIVED).getAsDouble(),
                    run.latencyOf(row.transport()).orElseThrow().count(), row.transport());
        }
    }

    @Test
    void writerLayoutWithServerSamplesAndResponseTimeTagsLoads() throws Exception {
        RunData run = RunLoader.load(FixtureRuns.create(FixtureRuns.POLL, tmp.resolve("run")));

        assertEquals("completed", run.status().orElseThrow());
        assertEquals("e1-short-poll", run.name());
        assertEquals(List.of("short-poll", "response-time.short-poll", "response-time-uncorrected.short-poll"),
                run.latency().stream().map(LatencyDistribution::tag).toList());
        assertEquals(100, run.serverSamples().rows());
        assertArrayEquals(new double[] {0, 0.1, 0.2}, java.util.Arrays.copyOf(run.serverSamples().elapsedSeconds(), 3),
                1e-9, "elapsed_ms becomes elapsed_s");
        assertTrue(Double.isNaN(run.series().column(TimeSeries.LATENCY_P99_MS).orElseThrow()[0]),
                "a blank cell is a gap");
    }

    @Test
    void columnsAreReadByNameInAnyOrderAndAbsentOnesAreEmpty() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("summary.csv"), "errors,transport,requests\n2,ws,8\n");

        SummaryRow row = RunLoader.load(run).rows().get(0);

        assertEquals("ws", row.transport());
        assertEquals(OptionalDouble.of(8), row.number(SummaryColumns.REQUESTS));
        assertEquals(OptionalDouble.empty(), row.number(SummaryColumns.LATENCY_P99_MS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"summary.csv", "timeseries.csv", "latency.hlog", "run.json"})
    void eachRequiredFileMissingIsNamed(String file) throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.delete(run.resolve(file));

        ResultsInputException e = assertThrows(ResultsInputException.class, () -> RunLoader.load(run));

        assertTrue(e.getMessage().startsWith(run.resolve(file) + ": is missing; point at a complete folder written by"),
                e.getMessage());
    }

    @Test
    void truncatedCsvRowIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        String text = Files.readString(run.resolve("timeseries.csv"));
        Files.writeString(run.resolve("timeseries.csv"), text.substring(0, text.length() - 8));

        String message = messageOf(run);

        assertTrue(message.contains("timeseries.csv line 22: has 7 fields but the header has 10 (the file looks "
                + "truncated)"), message);
    }

    @Test
    void unterminatedQuoteIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("summary.csv"), "transport,requests\n\"sse,1\n");

        assertTrue(messageOf(run).contains("summary.csv: is not valid CSV ("), messageOf(run));
    }

    @Test
    void summaryWithoutRowsIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("summary.csv"), "transport,requests\n");

        assertTrue(messageOf(run).endsWith("summary.csv: has a header but no rows; the file is damaged or was not "
                + "written by 'harness run' or 'harness sweep': run the scenario again or restore the file from the original run"));
    }

    @Test
    void textInANumericTimeSeriesColumnIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        FixtureRuns.replace(run.resolve("timeseries.csv"), "\n3,1767268803000,12,", "\n3,1767268803000,twelve,");

        assertTrue(messageOf(run).contains("timeseries.csv line 5: column sessions is 'twelve', not a number"));
    }

    @Test
    void invalidJsonIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("run.json"), "{\"name\": \"mixed\",");

        String message = messageOf(run);

        assertTrue(message.contains("run.json: is not valid JSON ("), message);
        assertFalse(message.contains("\n"), "one line");
    }

    @Test
    void jsonThatIsNotAnObjectIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        Files.writeString(run.resolve("run.json"), "[1, 2]");

        assertTrue(messageOf(run).contains("run.json: does not hold a JSON object"));
    }

    @Test
    void damagedIntervalLineIsCorruptNotSilentlySkipped() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        FixtureRuns.replace(run.resolve("latency.hlog"), "Tag=ws,", "Tag=ws;");

        assertTrue(messageOf(run).contains("latency.hlog: line 7 is not an interval histogram"), messageOf(run));
    }

    @Test
    void truncatedHistogramIsCorrupt() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        String log = Files.readString(run.resolve("latency.hlog"));
        Files.writeString(run.resolve("latency.hlog"), log.substring(0, log.length() - 40));

        assertTrue(messageOf(run).contains("latency.hlog: is not a readable HdrHistogram log ("), messageOf(run));
    }

    @Test
    void latencyLogWithHeaderOnlyIsAValidRunWithoutMessages() throws Exception {
        Path run = FixtureRuns.create(FixtureRuns.MIXED, tmp.resolve("run"));
        FixtureRuns.writeLatencyLog(run.resolve("latency.hlog"), java.util.Map.of(), 0);

        assertEquals(List.of(), RunLoader.load(run).latency());
    }

    @Test
    void runDirThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("summary.csv"), "x");

        ResultsInputException e = assertThrows(ResultsInputException.class, () -> RunLoader.load(file));

        assertTrue(e.getMessage().startsWith(file + ": is not a folder;"), e.getMessage());
    }

    private static String messageOf(Path run) {
        return assertThrows(ResultsInputException.class, () -> RunLoader.load(run)).getMessage();
    }
}
