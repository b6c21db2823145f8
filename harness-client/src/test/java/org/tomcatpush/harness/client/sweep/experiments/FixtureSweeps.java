package org.tomcatpush.harness.client.sweep.experiments;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tomcatpush.harness.client.report.model.SummaryRow;
import org.tomcatpush.harness.client.report.sweep.SweepTable;

/** The fixture sweeps under {@code src/test/resources/sweep/experiments/}, and variants with one cell changed. */
final class FixtureSweeps {

    private FixtureSweeps() {
    }

    /** Copies fixture {@code name} (e.g. {@code e1}) into {@code dir} as a sweep folder and reads it. */
    static SweepTable load(String name, Path dir) throws Exception {
        return SweepTable.read(folder(name, dir).resolve("sweep.csv"));
    }

    /** A sweep folder in {@code dir} holding fixture {@code name} as its sweep.csv. */
    static Path folder(String name, Path dir) throws Exception {
        Path folder = dir.resolve("20260101-120000-sweep-" + name);
        Files.createDirectories(folder);
        try (InputStream in = FixtureSweeps.class.getResourceAsStream("/sweep/experiments/" + name + ".csv")) {
            Files.copy(in, folder.resolve("sweep.csv"));
        }
        return folder;
    }

    /** {@code sweep} without {@code column} in any row, as a sweep.csv written before the column existed. */
    static SweepTable without(SweepTable sweep, String column) {
        List<SummaryRow> rows = new ArrayList<>();
        for (SummaryRow r : sweep.rows()) {
            if (!r.cells().containsKey(column)) {
                throw new IllegalArgumentException("fixture has no column " + column);
            }
            Map<String, String> cells = new LinkedHashMap<>(r.cells());
            cells.remove(column);
            rows.add(new SummaryRow(cells));
        }
        return new SweepTable(sweep.file(), sweep.sweptKeys(), rows);
    }

    /** {@code sweep} with the cell of row {@code runIndex} (1-based), {@code column}, set to {@code value}. */
    static SweepTable with(SweepTable sweep, int runIndex, String column, String value) {
        List<SummaryRow> rows = new ArrayList<>();
        for (SummaryRow r : sweep.rows()) {
            if (r.text("run_index").orElse("").equals(Integer.toString(runIndex))) {
                Map<String, String> cells = new LinkedHashMap<>(r.cells());
                if (!cells.containsKey(column)) {
                    throw new IllegalArgumentException("fixture has no column " + column);
                }
                cells.put(column, value);
                rows.add(new SummaryRow(cells));
            } else {
                rows.add(r);
            }
        }
        return new SweepTable(sweep.file(), sweep.sweptKeys(), rows);
    }
}
