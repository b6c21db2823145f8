package org.tomcatpush.harness.client.report.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.tomcatpush.harness.client.results.ResultsInputException;
import org.tomcatpush.harness.client.results.RunStatus;

/**
 * One row of a harness results file ({@code summary.csv}, {@code sweep.csv}, {@code timeseries.csv},
 * ...), as {@link org.tomcatpush.harness.client.report.load.ResultsCsv} reads it: for a summary, a
 * transport of the run or the {@code all} row of a mix. Immutable. Cells are kept as written and
 * read by column name; a missing column, an empty cell and {@code n/a} all read as absent.
 * {@link #number} is lenient (a non-number reads as absent); {@link #figure} is strict (a
 * non-number is a damaged file, named by the row's source).
 *
 * @param source where the row was read, e.g. {@code results/baseline/summary.csv line 3}, for
 *               messages; empty for a row built in code
 * @param cells  the row's cells by column name, in file order
 */
public record SummaryRow(String source, Map<String, String> cells) {

    public SummaryRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** A row built in code, with no file to name. */
    public SummaryRow(Map<String, String> cells) {
        this("", cells);
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

    /** True when the row has the column (maybe empty). */
    public boolean has(String column) {
        return cells.containsKey(column);
    }

    /** The cell, stripped; empty when the row has no such column. */
    public String cell(String column) {
        String value = cells.get(column);
        return value == null ? "" : value.strip();
    }

    /**
     * The cell as a number; NaN when absent, blank or {@code n/a}.
     *
     * @throws ResultsInputException naming the row's source when the cell holds something else
     */
    public double figure(String column) {
        String value = cells.get(column);
        if (value == null || isBlankValue(value)) {
            return Double.NaN;
        }
        OptionalDouble number = parse(value);
        if (number.isPresent() && Double.isFinite(number.getAsDouble())) {
            return number.getAsDouble();
        }
        throw new ResultsInputException(source.isEmpty() ? "a results row" : source, "column " + column + " is '"
                + value.strip() + "', not a number", ResultsInputException.FIX_DAMAGED);
    }

    /**
     * True when the run completed (also with a threshold breached: its figures are complete), or
     * when the row has no status (a plain summary).
     */
    public boolean completed() {
        String status = cell(SummaryColumns.STATUS);
        return status.isEmpty() || RunStatus.dataComplete(status.toLowerCase(Locale.ROOT));
    }

    /** This row with {@code column} set to {@code value} (added at the end when new). */
    public SummaryRow with(String column, String value) {
        Map<String, String> copy = new LinkedHashMap<>(cells);
        copy.put(column, value);
        return new SummaryRow(source, copy);
    }

    /**
     * The cell in a form that compares equal for equal settings: numbers without trailing zeros
     * ({@code 10}, {@code 10.0} and {@code 1e1} are one value), other text stripped and in lower case.
     */
    public String settingValue(String column) {
        return normalize(cell(column));
    }

    /** See {@link #settingValue(String)}. */
    public static String normalize(String value) {
        String v = value.strip();
        try {
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return v.toLowerCase(Locale.ROOT);
        }
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
