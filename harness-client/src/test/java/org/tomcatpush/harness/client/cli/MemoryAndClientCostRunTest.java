package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run measures the server's memory (sampled heap and RSS, the heap per held session from
 * the collections before the load and with the sessions held) and the client's own cost (CPU,
 * memory, event-loop delay), and writes them where the docs say.
 */
@Timeout(120)
class MemoryAndClientCostRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean LINUX = Files.isReadable(Path.of("/proc/self/statm"));

    @TempDir
    Path out;

    @Test
    void aSingleTransportRunWritesTheServersHeapPerHeldSessionAndTheClientsCost() throws Exception {
        CliRun run = run("--transport", "ws", "--sessions", "50", "--ramp-up", "0", "--duration", "3s",
                "--publish-rate", "10");

        assertEquals(0, run.exit(), run.err());
        Path folder = onlyFolder();
        CSVRecord row = RunEndToEndTest.csv(folder.resolve("summary.csv")).get(0);
        assertTrue(number(row, "server_heap_mb_max") > 0, row.get("server_heap_mb_max"));
        assertEquals(LINUX, !row.get("server_rss_mb_max").isEmpty(), "RSS on Linux only: " + row.get("server_rss_mb_max"));
        if (LINUX) {
            assertTrue(number(row, "server_rss_mb_max") > number(row, "server_heap_mb_max") / 100);
        }
        assertTrue(Double.isFinite(number(row, "server_heap_bytes_per_session")),
                "a number, whatever its noise: " + row.get("server_heap_bytes_per_session"));

        assertTrue(number(row, "client_cpu_s") > 0, row.get("client_cpu_s"));
        assertTrue(number(row, "client_heap_mb_max") > 0);
        assertEquals(LINUX, !row.get("client_rss_mb_max").isEmpty());
        double p99 = number(row, "client_event_loop_delay_p99_ms");
        assertTrue(p99 >= 0 && p99 <= number(row, "client_event_loop_delay_max_ms"), "p99 <= max: " + p99);

        List<CSVRecord> samples = RunEndToEndTest.csv(folder.resolve("server_samples.csv"));
        assertFalse(samples.isEmpty());
        double heapMaxMb = 0;
        for (CSVRecord sample : samples) {
            heapMaxMb = Math.max(heapMaxMb, number(sample, "heap_used_mb"));
            assertEquals(LINUX, !sample.get("rss_mb").isEmpty());
        }
        assertEquals(number(row, "server_heap_mb_max"), heapMaxMb, 0.001,
                "the summary's peak is the peak of the same samples");

        JsonNode json = JSON.readTree(folder.resolve("run.json").toFile());
        JsonNode held = json.path("server").path("heldMemory");
        assertEquals(50, held.path("sessionsHeld").asLong(), "every session was open at the held reading");
        assertTrue(held.path("baseline").path("heapUsedBytes").asLong() > 0);
        assertTrue(held.path("held").path("heapUsedBytes").asLong() > 0);
        double perSession = (held.path("held").path("heapUsedBytes").asLong()
                - held.path("baseline").path("heapUsedBytes").asLong()) / 50.0;
        assertEquals(Math.round(perSession), (long) number(row, "server_heap_bytes_per_session"));
        JsonNode cost = json.path("environment").path("clientCost");
        assertEquals(number(row, "client_cpu_s"), cost.path("cpuS").asDouble(), 0.001);
    }

    @Test
    void aMixedRunLeavesTheHeapPerSessionEmptyAndKeepsTheServerWideFiguresInItsAllRow() throws Exception {
        CliRun run = run("--transport", "sse=1,ws=1", "--sessions", "4", "--ramp-up", "0", "--duration", "2s",
                "--publish-rate", "10");

        assertEquals(0, run.exit(), run.err());
        List<CSVRecord> summary = RunEndToEndTest.csv(onlyFolder().resolve("summary.csv"));
        assertEquals(List.of("sse", "ws", "all"), summary.stream().map(r -> r.get("transport")).toList());
        for (CSVRecord row : summary) {
            assertEquals("", row.get("server_heap_bytes_per_session"), row.get("transport"));
            assertEquals(summary.get(2).get("client_cpu_s"), row.get("client_cpu_s"), "one client, every row");
        }
        assertEquals("", summary.get(0).get("server_heap_mb_max"), "server-wide figures only in the all row");
        assertTrue(number(summary.get(2), "server_heap_mb_max") > 0);
    }

    private static double number(CSVRecord row, String column) {
        String cell = row.get(column);
        assertFalse(cell.isEmpty(), column + " is empty");
        return Double.parseDouble(cell);
    }

    private CliRun run(String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--out", out.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args);
    }

    private Path onlyFolder() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            List<Path> folders = s.toList();
            assertEquals(1, folders.size(), folders.toString());
            return folders.get(0);
        }
    }
}
