package org.tomcatpush.harness.client.sweep.experiments;

import java.util.ArrayList;
import java.util.List;

/**
 * The key numbers an evaluator read from a sweep, as a table of text cells. Immutable.
 *
 * @param header column headings
 * @param rows   one row per run (and transport), cells formatted for reading
 */
public record MeasuredTable(List<String> header, List<List<String>> rows) {

    public MeasuredTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Collects rows. Not thread-safe. */
    public static final class Builder {
        private final List<String> header;
        private final List<List<String>> rows = new ArrayList<>();

        public Builder(String... header) {
            this.header = List.of(header);
        }

        public Builder row(String... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
            }
            rows.add(List.of(cells));
            return this;
        }

        public MeasuredTable build() {
            return new MeasuredTable(header, rows);
        }
    }
}
