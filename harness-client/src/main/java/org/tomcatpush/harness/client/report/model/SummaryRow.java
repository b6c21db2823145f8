package org.tomcatpush.harness.client.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of {@code summary.csv}: a transport of the run, or the {@code all} row of a mix.
 * Immutable. Cells are kept as written and read by column name; a missing column, an empty cell
 * and {@code n/a} all read as absent.
 *
 * @param cells the row's cells by column name, in file order
 */
public record SummaryRow(Map<String, String> cells) {

    public SummaryRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The transport this row describes ({@code sse}, ..., or {@code all}); "n/a" when absent. */
    public String transport() {
        return text(SummaryColumns.TRANSPORT).orElse("n/a");
    }

    /** Whether this is the row that sums every transport of a mix. */
    public boolean isAllTransports() {
        return SummaryColumns.ALL_TRANSPORTS.equals(transport());
    }

    /** The cell as written, or empty when the column is absent, blank or {@code n/a}. */
    public Optional<String> text(String column) {
        String value = cells.get(column);
        if (value == null || isBlankValue(value)) {
            return Optional.empty();
        }
        return Optional.of(value.trim());
    }

    /** The cell as a number, or empty when absent or not a number. */
    public OptionalDouble number(String column) {
        return text(column).map(SummaryRow::parse).orElse(OptionalDouble.empty());
    }

    /** The cell as a number, or {@code fallback} when absent. */
    public double numberOr(String column, double fallback) {
        return number(column).orElse(fallback);
    }

    /**
     * The numeric columns that start with {@code prefix}, keyed by the rest of the name
     * ({@code closes_idle_timeout} -> {@code idle_timeout}), in file order.
     */
    public Map<String, Double> breakdown(String prefix) {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (String column : cells.keySet()) {
            if (column.startsWith(prefix) && column.length() > prefix.length()) {
                number(column).ifPresent(v -> parts.put(column.substring(prefix.length()), v));
            }
        }
        return Collections.unmodifiableMap(parts);
    }

    /** Whether {@code value} means "no value": blank, {@code n/a}, {@code NaN}. */
    public static boolean isBlankValue(String value) {
        String v = value.trim();
        return v.isEmpty() || v.equalsIgnoreCase("n/a") || v.equalsIgnoreCase("nan");
    }

    /** Parses a number; empty when {@code text} is not one. */
    public static OptionalDouble parse(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
