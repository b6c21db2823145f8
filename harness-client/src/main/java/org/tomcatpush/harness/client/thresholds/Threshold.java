package org.tomcatpush.harness.client.thresholds;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tomcatpush.harness.client.cli.Suggestions;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * One pass/fail condition on a {@code summary.csv} figure, k6-style: {@code [transport:]column OP number},
 * e.g. {@code latency_p99_ms<200}, {@code sse:messages_lost==0}, {@code all:sessions_opened_ratio>=1}.
 * Without a transport it applies to every row of the run's summary.csv; with one, to that
 * transport's row only; {@code all} is the row that sums a mix, or the only row of a
 * single-transport run. Immutable.
 *
 * @param expression the expression as written, for messages and run.json
 * @param transport  {@code short-poll}, {@code long-poll}, {@code sse}, {@code ws} or {@code all};
 *                   {@code null} for every row
 * @param column     the summary.csv column it reads
 * @param operator   how the cell is compared with the limit
 * @param limit      the number on the right-hand side
 */
public record Threshold(String expression, String transport, String column, Operator operator, double limit) {

    /** The transports a prefix may name. */
    public static final List<String> TRANSPORTS = List.of("short-poll", "long-poll", "sse", "ws", "all");

    /** summary.csv columns that hold text, not a figure: a threshold on one could never be judged. */
    private static final Set<String> TEXT_COLUMNS = Set.of("run_id", "transport", "handler", "protocol", "status",
            "busy_metric", "virtual_threads", "browser");

    private static final Pattern SHAPE = Pattern.compile(
            "\\s*(?:([A-Za-z-]+)\\s*:)?\\s*([A-Za-z0-9_.]+)\\s*(<=|>=|==|!=|<|>)\\s*(\\S+)\\s*");

    /** The comparison of a threshold. */
    public enum Operator {
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** Whether {@code value OP limit} holds. */
        public boolean holds(double value, double limit) {
            return switch (this) {
                case LESS -> value < limit;
                case LESS_OR_EQUAL -> value <= limit;
                case GREATER -> value > limit;
                case GREATER_OR_EQUAL -> value >= limit;
                case EQUAL -> value == limit;
                case NOT_EQUAL -> value != limit;
            };
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /**
     * Parses {@code expression} against the columns summary.csv has.
     *
     * @param columns the summary.csv header ({@code SummaryCsv.header()})
     * @throws ConfigException one line quoting the expression, what is wrong and the fix
     */
    public static Threshold parse(String expression, Collection<String> columns) {
        String quoted = "--threshold '" + expression + "'";
        Matcher m = SHAPE.matcher(expression);
        if (!m.matches()) {
            throw new ConfigException(quoted + " is not a threshold: write [transport:]column OP number with OP one"
                    + " of < <= > >= == !=, e.g. latency_p99_ms<200 or sse:messages_lost==0");
        }
        String transport = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
        if (transport != null && !TRANSPORTS.contains(transport)) {
            throw new ConfigException("unknown transport '" + m.group(1) + "' in " + quoted + ": write one of "
                    + String.join(", ", TRANSPORTS) + " before the colon, or none for every row"
                    + Suggestions.closest(transport, TRANSPORTS).map(s -> " (did you mean " + s + "?)").orElse(""));
        }
        String column = m.group(2);
        if (!columns.contains(column)) {
            throw new ConfigException("unknown column '" + column + "' in " + quoted
                    + nearestColumn(column, columns).map(s -> ": did you mean " + s + "?")
                            .orElse(": name a summary.csv column (docs/COLUMNS.md lists them)"));
        }
        if (TEXT_COLUMNS.contains(column)) {
            throw new ConfigException("column '" + column + "' in " + quoted + " holds text, not a number: name a"
                    + " column with a figure, e.g. latency_p99_ms");
        }
        double limit;
        try {
            limit = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
            limit = Double.NaN;
        }
        if (!Double.isFinite(limit) || !m.group(4).matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            throw new ConfigException("'" + m.group(4) + "' in " + quoted + " is not a number: write e.g. "
                    + column + m.group(3) + "200");
        }
        return new Threshold(expression.strip(), transport, column, Operator.of(m.group(3)), limit);
    }

    /**
     * The column meant by an unknown name: the closest by spelling, else one that only adds a unit
     * ({@code latency_p99} -> {@code latency_p99_ms}), the commonest slip with summary columns.
     */
    private static Optional<String> nearestColumn(String unknown, Collection<String> columns) {
        return Suggestions.closest(unknown, columns)
                .or(() -> columns.stream().filter(c -> c.startsWith(unknown + "_")).findFirst());
    }

    /** Parses every expression; @throws ConfigException for the first bad one */
    public static List<Threshold> parseAll(List<String> expressions, Collection<String> columns) {
        return expressions.stream().map(e -> parse(e, columns)).toList();
    }

    /** The condition without its transport: {@code latency_p99_ms<200}. */
    public String condition() {
        return column + operator.symbol() + number(limit);
    }

    /**
     * A number as a user writes it: {@code 200}, {@code 0.5}. Observed values of thresholds are
     * shown this way everywhere (CLI, findings, the report's tables), unrounded, so that a value
     * just past its limit never reads as the limit itself.
     */
    public static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Whether it applies to the row of {@code rowTransport}, in a run whose summary has {@code rowCount} rows. */
    boolean appliesTo(String rowTransport, int rowCount) {
        if (transport == null) {
            return true;
        }
        if (transport.equals("all") && rowCount == 1) {
            return true;
        }
        return transport.equals(rowTransport);
    }
}
