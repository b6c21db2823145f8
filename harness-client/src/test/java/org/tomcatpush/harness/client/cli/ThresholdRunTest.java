package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harness run --threshold} end to end, on a real server and the real session engine, two
 * SSE sessions for 2 s: a threshold that cannot hold ({@code messages_received<0}) gives exit
 * status 3, status {@code thresholds-breached} in summary.csv and run.json, a CLI line, a
 * {@code <failure>} in thresholds.xml and a section in report.html; thresholds that always hold
 * give exit status 0 and a thresholds.xml without failures.
 */
@Timeout(120)
class ThresholdRunTest {

    @TempDir
    Path out;

    private CliRun run(String... thresholds) {
        List<String> args = new ArrayList<>(List.of("run", "--out", out.toString(), "--transport", "sse",
                "--sessions", "2", "--ramp-up", "0", "--duration", "2s", "--publish-rate", "5"));
        for (String t : thresholds) {
            args.add("--threshold");
            args.add(t);
        }
        return CliRun.of(args);
    }

    @Test
    void aBreachedThresholdExitsThreeAndIsNamedInTheCliRunJsonSummaryJUnitXmlAndReport() throws Exception {
        CliRun run = run("messages_received<0", "errors>=0");

        assertEquals(3, run.exit(), run.out() + run.err());
        Matcher line = Pattern.compile("threshold breached: sse messages_received<0 \\(was (\\d+)\\)").matcher(run.out());
        assertTrue(line.find(), run.out());
        assertTrue(run.out().contains("threshold passed: sse errors>=0 (was "), run.out());
        assertTrue(run.out().contains("status: thresholds-breached"), run.out());
        Path folder = BackgroundRun.onlyFolder(out);
        String summary = Files.readString(folder.resolve("summary.csv"));
        assertTrue(summary.lines().skip(1).allMatch(l -> l.contains(",thresholds-breached,")), summary);
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("thresholds-breached", json.path("status").asText());
        assertTrue(json.path("failure").isNull(), json.toString());
        assertEquals("[\"messages_received<0\",\"errors>=0\"]", json.path("thresholds").toString());
        assertEquals(2, json.path("thresholdOutcomes").size());
        assertTrue(json.path("thresholdOutcomes").get(0).path("breached").asBoolean());
        assertEquals(Long.parseLong(line.group(1)), json.path("thresholdOutcomes").get(0).path("observed").asLong());
        String xml = Files.readString(folder.resolve("thresholds.xml"));
        assertTrue(xml.contains("tests=\"2\" failures=\"1\""), xml);
        assertTrue(xml.contains("name=\"sse messages_received&lt;0\" time=\"0\"><failure message=\"threshold"
                + " breached: sse messages_received&lt;0 (was " + line.group(1) + ")\""), xml);
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(html.contains("Thresholds: breached"), "a thresholds section");
        assertTrue(html.contains("threshold breached: sse messages_received&lt;0 (was " + line.group(1) + ")"),
                "a finding");
        assertFalse(html.contains("the figures below cover only the part that ran"), "the data is complete");
    }

    @Test
    void thresholdsThatHoldExitZeroWithAJUnitXmlWithoutFailures() throws Exception {
        CliRun run = run("errors>=0", "sse:messages_lost>=0", "all:messages_received>=0");

        assertEquals(0, run.exit(), run.out() + run.err());
        assertFalse(run.out().contains("threshold breached"), run.out());
        Path folder = BackgroundRun.onlyFolder(out);
        JsonNode json = new ObjectMapper().readTree(folder.resolve("run.json").toFile());
        assertEquals("completed", json.path("status").asText());
        String xml = Files.readString(folder.resolve("thresholds.xml"));
        assertTrue(xml.contains("<testsuites name=\"harness thresholds\" tests=\"3\" failures=\"0\" errors=\"0\""
                + " skipped=\"0\">"), xml);
        assertFalse(xml.contains("<failure"), xml);
        assertTrue(Files.readString(folder.resolve("report.html")).contains("Thresholds: every one held"));
    }
}
