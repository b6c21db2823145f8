package org.tomcatpush.harness.client.compare;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.tomcatpush.harness.client.results.RunStatus;

/**
 * One run (one row of a {@code summary.csv} or {@code sweep.csv}) as compare reads it: its cells by
 * column name and where it came from, for messages. Immutable.
 *
 * @param source where the row was read, e.g. {@code results/baseline/summary.csv line 3}
 * @param cells  the row's cells by column name, in file order; an empty cell is an unknown figure
 */
public record RunRow(String source, Map<String, String> cells) {

    /** The column of the run's status in the results contract ({@code completed}, {@code failed}, ...). */
    public static final String STATUS = "status";
    /** The status of a run that lasted its full duration. */
    public static final String COMPLETED = "completed";

    public RunRow {
        cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
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
     * The cell as a number; NaN when empty or absent.
     *
     * @throws CompareInputException when the cell holds something else than a number
     */
    public double number(String column) {
        String value = cell(column);
        if (value.isEmpty()) {
            return Double.NaN;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CompareInputException(source + ": " + column + " is '" + value
                + "', not a number: give a results file written by harness run or sweep");
    }

    /**
     * True when the run completed (also with a threshold breached: its figures are complete), or
     * when the file has no status column (a plain summary).
     */
    public boolean completed() {
        String status = cell(STATUS);
        return status.isEmpty() || RunStatus.dataComplete(status.toLowerCase(Locale.ROOT));
    }

    /** This row with {@code column} set to {@code value} (added at the end when new). */
    public RunRow with(String column, String value) {
        Map<String, String> copy = new LinkedHashMap<>(cells);
        copy.put(column, value);
        return new RunRow(source, copy);
    }

    /**
     * The cell in a form that compares equal for equal settings: numbers without trailing zeros
     * ({@code 10}, {@code 10.0} and {@code 1e1} are one value), other text stripped and in lower case.
     */
    public String settingValue(String column) {
        return normalize(cell(column));
    }

    /** See {@link #settingValue(String)}. */
    static String normalize(String value) {
        String v = value.strip();
        try {
            return new BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return v.toLowerCase(Locale.ROOT);
        }
    }
}
