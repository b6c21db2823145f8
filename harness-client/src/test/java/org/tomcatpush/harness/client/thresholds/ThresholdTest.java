package org.tomcatpush.harness.client.thresholds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.tomcatpush.harness.client.results.SummaryCsv;
import org.tomcatpush.harness.client.thresholds.Threshold.Operator;
import org.tomcatpush.harness.server.config.ConfigException;

/**
 * Parsing {@code --threshold} expressions against summary.csv's columns: the accepted forms with
 * what they mean, and every malformed one refused with the one line the user sees.
 */
class ThresholdTest {

    static Stream<Arguments> good() {
        return Stream.of(
                Arguments.of("latency_p99_ms<200", null, "latency_p99_ms", Operator.LESS, 200.0),
                Arguments.of("sse:messages_lost==0", "sse", "messages_lost", Operator.EQUAL, 0.0),
                Arguments.of("all:requests_per_message <= 0.5", "all", "requests_per_message",
                        Operator.LESS_OR_EQUAL, 0.5),
                Arguments.of("ws:errors!=1", "ws", "errors", Operator.NOT_EQUAL, 1.0),
                Arguments.of("long-poll:latency_max_ms>=1e3", "long-poll", "latency_max_ms",
                        Operator.GREATER_OR_EQUAL, 1000.0),
                Arguments.of("SHORT-POLL:requests>-1", "short-poll", "requests", Operator.GREATER, -1.0),
                Arguments.of(" busy_threads_max > 7 ", null, "busy_threads_max", Operator.GREATER, 7.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void aWellFormedExpressionParsesToItsTransportColumnOperatorAndLimit(String expression, String transport,
            String column, Operator operator, double limit) {
        Threshold t = Threshold.parse(expression, SummaryCsv.header());

        assertEquals(transport, t.transport());
        assertEquals(column, t.column());
        assertEquals(operator, t.operator());
        assertEquals(limit, t.limit());
        assertEquals(expression.strip(), t.expression());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("latency_p99<200", "unknown column 'latency_p99' in --threshold 'latency_p99<200':"
                        + " did you mean latency_p99_ms?"),
                Arguments.of("sse:mesages_lost==0", "unknown column 'mesages_lost' in --threshold"
                        + " 'sse:mesages_lost==0': did you mean messages_lost?"),
                Arguments.of("no_such_figure_at_all>1", "unknown column 'no_such_figure_at_all' in --threshold"
                        + " 'no_such_figure_at_all>1': name a summary.csv column (docs/COLUMNS.md lists them)"),
                Arguments.of("see:errors==0", "unknown transport 'see' in --threshold 'see:errors==0': write one of"
                        + " short-poll, long-poll, sse, ws, all before the colon, or none for every row (did you"
                        + " mean sse?)"),
                Arguments.of("latency_p99_ms", "--threshold 'latency_p99_ms' is not a threshold: write"
                        + " [transport:]column OP number with OP one of < <= > >= == !=, e.g. latency_p99_ms<200 or"
                        + " sse:messages_lost==0"),
                Arguments.of("latency_p99_ms=200", "--threshold 'latency_p99_ms=200' is not a threshold"),
                Arguments.of("latency_p99_ms<", "--threshold 'latency_p99_ms<' is not a threshold"),
                Arguments.of("<200", "--threshold '<200' is not a threshold"),
                Arguments.of("latency_p99_ms<200ms", "'200ms' in --threshold 'latency_p99_ms<200ms' is not a number:"
                        + " write e.g. latency_p99_ms<200"),
                Arguments.of("latency_p99_ms<NaN", "'NaN' in --threshold 'latency_p99_ms<NaN' is not a number"),
                Arguments.of("errors<1 2", "--threshold 'errors<1 2' is not a threshold"),
                Arguments.of("handler==1", "column 'handler' in --threshold 'handler==1' holds text, not a number:"
                        + " name a column with a figure, e.g. latency_p99_ms"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aMalformedExpressionIsRefusedWithOneLineNamingTheFix(String expression, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> Threshold.parse(expression,
                SummaryCsv.header()));

        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        if (!e.getMessage().startsWith(expected)) {
            assertEquals(expected, e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("comparisons")
    void eachOperatorComparesTheCellWithTheLimit(String symbol, double value, boolean holds) {
        Threshold t = Threshold.parse("errors" + symbol + "5", List.of("errors"));

        assertEquals(holds, t.operator().holds(value, t.limit()));
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(Arguments.of("<", 4.0, true), Arguments.of("<", 5.0, false),
                Arguments.of("<=", 5.0, true), Arguments.of("<=", 5.5, false),
                Arguments.of(">", 6.0, true), Arguments.of(">", 5.0, false),
                Arguments.of(">=", 5.0, true), Arguments.of(">=", 4.9, false),
                Arguments.of("==", 5.0, true), Arguments.of("==", 5.1, false),
                Arguments.of("!=", 5.1, true), Arguments.of("!=", 5.0, false));
    }
}
