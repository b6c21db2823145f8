package org.tomcatpush.harness.client.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tomcatpush.harness.client.scenario.Transport;

/** docs/COLUMNS.md explains every column the writers produce. */
class ColumnDocsTest {

    private static String clientDoc() throws Exception {
        return Files.readString(Path.of(System.getProperty("basedir", ".")).resolve("../docs/COLUMNS.md"));
    }

    @Test
    void everySummaryColumnIsExplained() throws Exception {
        String doc = clientDoc();
        List<String> missing = SummaryCsv.header().stream().filter(c -> !doc.contains("| `" + c + "` |")).toList();
        assertEquals(List.of(), missing, "summary.csv columns without a row in docs/COLUMNS.md");
    }

    @Test
    void everyTimeseriesColumnIsExplained() throws Exception {
        String doc = clientDoc();
        List<String> missing = TimeseriesCsv.header(List.of(Transport.values())).stream()
                .map(c -> c.replaceFirst("^(short_poll|long_poll|sse|ws)_", "<transport>_"))
                .distinct()
                .filter(c -> !doc.contains("| `" + c + "` |"))
                .toList();
        assertEquals(List.of(), missing, "timeseries.csv columns without a row in docs/COLUMNS.md");
    }
}
